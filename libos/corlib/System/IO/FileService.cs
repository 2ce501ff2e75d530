using System.Runtime;
using System.Text;

namespace System.IO
{
    /// <summary>
    /// The library OS's file service (libos/platform/linux/FileExports.cs, libos/platform/pvh/FileExports.cs):
    /// the core library's only way to files, the boundary a conventional OS puts behind system calls. It is
    /// POSIX-shaped on purpose, because .NET's FileStream semantics are defined by what it does with
    /// POSIX calls on Unix: the core library keeps the .NET state (position, append start, disposed) and
    /// maps errors to exceptions; the platform only opens, reads, writes and answers.
    ///
    /// Paths are absolute (the caller made them full), UTF-8, NUL-terminated. A handle is a non-negative
    /// number. Every call that can fail returns a negative Linux errno on failure (ENOENT is -2), on both
    /// targets, or -<see cref="NoFileSystem"/>. Compiled into an image only when imported.
    /// </summary>
    internal static unsafe class FileService
    {
        internal const int KindRegular = 1;
        internal const int KindDirectory = 2;
        internal const int KindBlockDevice = 3;
        /// <summary>Character devices, pipes, sockets: whatever is neither of the above.</summary>
        internal const int KindOther = 4;

        /// <summary>
        /// The error of a target that has no file system at all (pvh: only the raw disks /dev/vdX exist),
        /// for a path outside what it has; above every errno, so it cannot be confused with one.
        /// </summary>
        internal const int NoFileSystem = 10000;

        /// <summary>
        /// Opens <paramref name="path"/>. <paramref name="disposition"/> is only Open (must exist),
        /// OpenOrCreate or CreateNew (must not exist, O_EXCL): truncation and appending are the caller's,
        /// as in .NET, which truncates only after taking the lock. New files get mode 0666 (less the umask).
        /// Not <paramref name="inheritable"/>: O_CLOEXEC. Returns the handle.
        /// </summary>
        [RuntimeImport("tb_file_open")]
        internal static extern long Open(byte* path, FileAccess access, FileMode disposition, bool inheritable);

        /// <summary>Releases the handle (and its lock).</summary>
        [RuntimeImport("tb_file_close")]
        internal static extern int Close(long handle);

        /// <summary>
        /// One read of up to <paramref name="count"/> bytes at <paramref name="offset"/> (pread), or at the
        /// handle's own position when <paramref name="offset"/> is negative (an unseekable file). Returns the
        /// bytes read, 0 at the end.
        /// </summary>
        [RuntimeImport("tb_file_read")]
        internal static extern long Read(long handle, byte* buffer, int count, long offset);

        /// <summary>Writes all <paramref name="count"/> bytes at <paramref name="offset"/> (as <see cref="Read"/>) or fails.</summary>
        [RuntimeImport("tb_file_write")]
        internal static extern long Write(long handle, byte* buffer, int count, long offset);

        /// <summary>The handle's kind (a Kind constant) and length: st_size (0 for a device on Linux, as fstat says), a disk's capacity on pvh.</summary>
        [RuntimeImport("tb_file_status")]
        internal static extern int Status(long handle, out long length);

        /// <summary>As <see cref="Status"/>, for a path (stat: symbolic links followed).</summary>
        [RuntimeImport("tb_file_path_status")]
        internal static extern int PathStatus(byte* path, out long length);

        /// <summary>Whether the handle can seek (lseek(fd, 0, SEEK_CUR) succeeds, as .NET decides CanSeek).</summary>
        [RuntimeImport("tb_file_seekable")]
        internal static extern bool Seekable(long handle);

        /// <summary>ftruncate: EINVAL for what cannot change its size (a device).</summary>
        [RuntimeImport("tb_file_set_length")]
        internal static extern int SetLength(long handle, long length);

        /// <summary>fsync: the data and the metadata reach the device (pvh: VIRTIO_BLK_T_FLUSH).</summary>
        [RuntimeImport("tb_file_sync")]
        internal static extern int Sync(long handle);

        /// <summary>flock(LOCK_SH or LOCK_EX | LOCK_NB): -EWOULDBLOCK (-11) when another open holds a conflicting lock.</summary>
        [RuntimeImport("tb_file_lock")]
        internal static extern int Lock(long handle, bool exclusive);

        /// <summary>unlink, or rmdir when <paramref name="directory"/>.</summary>
        [RuntimeImport("tb_file_delete")]
        internal static extern int Delete(byte* path, bool directory);

        /// <summary>mkdir with mode 0777 (less the umask), as .NET's Directory.CreateDirectory.</summary>
        [RuntimeImport("tb_file_create_directory")]
        internal static extern int CreateDirectory(byte* path);

        /// <summary>getcwd, for relative paths ("/" on a target without a file system).</summary>
        [RuntimeImport("tb_file_current_directory")]
        internal static extern string CurrentDirectory();

        /// <summary>A full path as the service takes it: UTF-8 and a terminating NUL.</summary>
        internal static byte[] NativePath(string fullPath)
        {
            int length = Encoding.UTF8.GetByteCount(fullPath);
            byte[] bytes = new byte[length + 1];
            Encoding.UTF8.GetBytes(fullPath, 0, fullPath.Length, bytes, 0);
            return bytes;
        }

        /// <summary>The kind of the object at <paramref name="fullPath"/>, or the negative error.</summary>
        internal static int KindOf(string fullPath)
        {
            byte[] path = NativePath(fullPath);
            fixed (byte* p = path)
                return PathStatus(p, out _);
        }
    }
}
