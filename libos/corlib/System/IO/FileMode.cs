namespace System.IO
{
    /// <summary>How a <see cref="FileStream"/> opens or creates its file (.NET's values).</summary>
    public enum FileMode
    {
        CreateNew = 1,
        Create = 2,
        Open = 3,
        OpenOrCreate = 4,
        Truncate = 5,
        Append = 6,
    }

    [Flags]
    public enum FileAccess
    {
        Read = 1,
        Write = 2,
        ReadWrite = 3,
    }

    /// <summary>
    /// Sharing with other opens of the same file. On Linux, as in .NET, this is only an advisory lock:
    /// None takes an exclusive flock, every other value a shared one; Inheritable leaves out O_CLOEXEC.
    /// </summary>
    [Flags]
    public enum FileShare
    {
        None = 0,
        Read = 1,
        Write = 2,
        ReadWrite = 3,
        Delete = 4,
        Inheritable = 16,
    }
}
