using System.Net.Sockets;

namespace System.IO
{
    /// <summary>
    /// The exceptions .NET throws on Unix for the errno of a file operation (its Interop.GetExceptionForIoErrno,
    /// read off CoreCLR 10 on Linux): types and messages, with the full path in the message.
    /// </summary>
    internal static class FileErrors
    {
        internal const int EPERM = 1;
        internal const int ENOENT = 2;
        internal const int EBADF = 9;
        internal const int EWOULDBLOCK = 11;
        internal const int EACCES = 13;
        internal const int EEXIST = 17;
        internal const int ENOTDIR = 20;
        internal const int EISDIR = 21;
        internal const int EINVAL = 22;
        internal const int EFBIG = 27;
        internal const int EROFS = 30;
        internal const int ENAMETOOLONG = 36;
        internal const int ENOTSUP = 95;

        /// <summary>
        /// The exception for <paramref name="error"/> (a positive errno, or <see cref="FileService.NoFileSystem"/>)
        /// on <paramref name="path"/>. A missing entry is a missing directory when <paramref name="isDirectory"/>
        /// or when the path's parent does not exist, else a missing file, as .NET decides.
        /// </summary>
        internal static Exception For(int error, string path, bool isDirectory = false)
        {
            switch (error)
            {
                case ENOENT:
                case FileService.NoFileSystem:
                    string note = error == FileService.NoFileSystem ? NoFileSystemNote : "";
                    if (isDirectory || !ParentExists(path))
                        return new DirectoryNotFoundException("Could not find a part of the path '" + path + "'." + note);
                    return new FileNotFoundException("Could not find file '" + path + "'." + note, path);
                case ENOTDIR:
                    return new DirectoryNotFoundException("Could not find a part of the path '" + path + "'.");
                case EACCES:
                case EBADF:
                case EPERM:
                    return new UnauthorizedAccessException("Access to the path '" + path + "' is denied.");
                case ENAMETOOLONG:
                    return new PathTooLongException("The path '" + path + "' is too long, or a component of the specified path is too long.");
                case EWOULDBLOCK:
                    return new IOException("The process cannot access the file '" + path + "' because it is being used by another process.");
                case EFBIG:
                    return new ArgumentOutOfRangeException("value", "Specified file length was too large for the file system.");
                case EEXIST:
                    return new IOException("The file '" + path + "' already exists.");
                default:
                    return new IOException(StrError(error) + " : '" + path + "'");
            }
        }

        /// <summary>What a target without a file system adds to its not-found messages.</summary>
        internal const string NoFileSystemNote =
            " This target has no file system: only the raw disks /dev/vda, /dev/vdb, ... (testbed run --disk FILE) can be opened.";

        /// <summary>An invalid argument to the file (Seek before the start, a read or write at an impossible offset).</summary>
        internal static IOException InvalidArgument(string path) => new IOException(StrError(EINVAL) + " : '" + path + "'");

        private static bool ParentExists(string path)
        {
            string parent = Path.GetDirectoryName(path);
            return parent == null || FileService.KindOf(parent) == FileService.KindDirectory;
        }

        /// <summary>glibc's strerror for the errnos of files; the network's and the rest are SocketException's.</summary>
        internal static string StrError(int errno)
        {
            switch (errno)
            {
                case 1: return "Operation not permitted";
                case 2: return "No such file or directory";
                case 5: return "Input/output error";
                case 6: return "No such device or address";
                case 9: return "Bad file descriptor";
                case 12: return "Cannot allocate memory";
                case 16: return "Device or resource busy";
                case 17: return "File exists";
                case 18: return "Invalid cross-device link";
                case 19: return "No such device";
                case 20: return "Not a directory";
                case 21: return "Is a directory";
                case 24: return "Too many open files";
                case 26: return "Text file busy";
                case 27: return "File too large";
                case 28: return "No space left on device";
                case 29: return "Illegal seek";
                case 30: return "Read-only file system";
                case 31: return "Too many links";
                case 36: return "File name too long";
                case 39: return "Directory not empty";
                case 40: return "Too many levels of symbolic links";
                case 75: return "Value too large for defined data type";
                case 122: return "Disk quota exceeded";
                default: return SocketException.StrError(errno);
            }
        }
    }
}
