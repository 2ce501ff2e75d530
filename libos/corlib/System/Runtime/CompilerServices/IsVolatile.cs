namespace System.Runtime.CompilerServices
{
    /// <summary>
    /// The modifier (modreq) C# puts on a volatile field's type; the accesses themselves carry IL's
    /// volatile. prefix, which the importer turns into volatile loads and stores.
    /// </summary>
    public static class IsVolatile
    {
    }
}
