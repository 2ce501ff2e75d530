namespace System.IO
{
    /// <summary>The base of .NET's DirectoryInfo: code compiled against the framework reads a directory's names through it.</summary>
    public abstract class FileSystemInfo
    {
        public abstract string FullName { get; }

        public abstract string Name { get; }

        public abstract bool Exists { get; }

        public abstract void Refresh();
    }
}
