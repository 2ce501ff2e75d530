namespace System.IO
{
    public class FileNotFoundException : IOException
    {
        private readonly string _fileName;

        public FileNotFoundException() : base("Unable to find the specified file.") { }

        public FileNotFoundException(string message) : base(message) { }

        public FileNotFoundException(string message, Exception innerException) : base(message, innerException) { }

        public FileNotFoundException(string message, string fileName) : base(message) { _fileName = fileName; }

        public string FileName => _fileName;
    }

    public class DirectoryNotFoundException : IOException
    {
        public DirectoryNotFoundException() : base("Attempted to access a path that is not on the disk.") { }

        public DirectoryNotFoundException(string message) : base(message) { }

        public DirectoryNotFoundException(string message, Exception innerException) : base(message, innerException) { }
    }

    public class PathTooLongException : IOException
    {
        public PathTooLongException() : base("The specified file name or path is too long, or a component of the specified path is too long.") { }

        public PathTooLongException(string message) : base(message) { }

        public PathTooLongException(string message, Exception innerException) : base(message, innerException) { }
    }
}

namespace System
{
    // Namespace System, as in .NET; it lives with the file-system exceptions because files are what throw it.
    public class UnauthorizedAccessException : SystemException
    {
        public UnauthorizedAccessException() : base("Attempted to perform an unauthorized operation.") { }

        public UnauthorizedAccessException(string message) : base(message) { }

        public UnauthorizedAccessException(string message, Exception inner) : base(message, inner) { }
    }
}
