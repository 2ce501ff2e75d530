namespace System
{
    /// <summary>Declared because Roslyn requires them; the compiler does not support delegates yet.</summary>
    public abstract class Delegate
    {
    }

    public abstract class MulticastDelegate : Delegate
    {
    }
}
