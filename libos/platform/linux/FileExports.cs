using System.IO;
using System.Runtime;

namespace Testbed.LibOS.Platform.Linux
{
    /// <summary>
    /// The file service the core library imports (libos/corlib/System/IO/FileService.cs states the
    /// contract) as Linux system calls on real files. A handle is the file descriptor. Regular files never
    /// make a read or write wait, so the calls block the process rather than a green thread; a pipe or a
    /// terminal opened as a file would block every thread while it waits.
    /// </summary>
    internal static unsafe class FileExports
    {
        private const long EINTR = 4;
        private const long ENOSPC = 28;

        // The kinds of the contract (FileService.Kind*, internal to the core library).
        private const int KindRegular = 1;
        private const int KindDirectory = 2;
        private const int KindBlockDevice = 3;
        private const int KindOther = 4;

        [RuntimeExport("tb_file_open", WhenImported = true)]
        private static long Open(byte* path, FileAccess access, FileMode disposition, bool inheritable)
        {
            int flags = access == FileAccess.Read ? FileSyscalls.ReadOnly
                : access == FileAccess.Write ? FileSyscalls.WriteOnly
                : FileSyscalls.ReadWrite;
            if (disposition == FileMode.OpenOrCreate)
                flags |= FileSyscalls.Create;
            else if (disposition == FileMode.CreateNew)
                flags |= FileSyscalls.Create | FileSyscalls.Exclusive;
            if (!inheritable)
                flags |= FileSyscalls.CloseOnExec;
            long fd;
            do fd = FileSyscalls.Openat(path, flags, 0x1B6); // 0666, as .NET creates files
            while (fd == -EINTR);
            return fd;
        }

        [RuntimeExport("tb_file_close", WhenImported = true)]
        private static int Close(long handle) => (int)FileSyscalls.Close((int)handle);

        [RuntimeExport("tb_file_read", WhenImported = true)]
        private static long Read(long handle, byte* buffer, int count, long offset)
        {
            long read;
            do read = offset < 0 ? FileSyscalls.Read((int)handle, buffer, count) : FileSyscalls.Pread((int)handle, buffer, count, offset);
            while (read == -EINTR);
            return read;
        }

        /// <summary>write(2) may write less than asked (a signal, a full device); the rest follows until all is written or an error.</summary>
        [RuntimeExport("tb_file_write", WhenImported = true)]
        private static long Write(long handle, byte* buffer, int count, long offset)
        {
            int done = 0;
            while (done < count)
            {
                long written = offset < 0
                    ? FileSyscalls.Write((int)handle, buffer + done, count - done)
                    : FileSyscalls.Pwrite((int)handle, buffer + done, count - done, offset + done);
                if (written == -EINTR)
                    continue;
                if (written < 0)
                    return written;
                if (written == 0)
                    return -ENOSPC; // a device that takes nothing more would otherwise loop forever
                done += (int)written;
            }
            return done;
        }

        [RuntimeExport("tb_file_status", WhenImported = true)]
        private static int Status(long handle, out long length)
        {
            FileStat status;
            long result = FileSyscalls.Fstat((int)handle, &status);
            return Describe(result, &status, out length);
        }

        [RuntimeExport("tb_file_path_status", WhenImported = true)]
        private static int PathStatus(byte* path, out long length)
        {
            FileStat status;
            long result = FileSyscalls.Stat(path, &status);
            return Describe(result, &status, out length);
        }

        private static int Describe(long result, FileStat* status, out long length)
        {
            length = 0;
            if (result < 0)
                return (int)result;
            length = status->Size;
            uint type = status->Mode & FileStat.TypeMask;
            return type == FileStat.TypeRegular ? KindRegular
                : type == FileStat.TypeDirectory ? KindDirectory
                : type == FileStat.TypeBlockDevice ? KindBlockDevice
                : KindOther;
        }

        [RuntimeExport("tb_file_seekable", WhenImported = true)]
        private static bool Seekable(long handle) => FileSyscalls.Lseek((int)handle, 0, FileSyscalls.SeekCurrent) >= 0;

        [RuntimeExport("tb_file_set_length", WhenImported = true)]
        private static int SetLength(long handle, long length)
        {
            long result;
            do result = FileSyscalls.Ftruncate((int)handle, length);
            while (result == -EINTR);
            return (int)result;
        }

        [RuntimeExport("tb_file_sync", WhenImported = true)]
        private static int Sync(long handle)
        {
            long result;
            do result = FileSyscalls.Fsync((int)handle);
            while (result == -EINTR);
            return (int)result;
        }

        [RuntimeExport("tb_file_lock", WhenImported = true)]
        private static int Lock(long handle, bool exclusive)
        {
            int operation = (exclusive ? FileSyscalls.LockExclusive : FileSyscalls.LockShared) | FileSyscalls.LockNonBlocking;
            long result;
            do result = FileSyscalls.Flock((int)handle, operation);
            while (result == -EINTR);
            return (int)result;
        }

        [RuntimeExport("tb_file_delete", WhenImported = true)]
        private static int Delete(byte* path, bool directory) =>
            (int)FileSyscalls.Unlinkat(path, directory ? FileSyscalls.AtRemoveDirectory : 0);

        [RuntimeExport("tb_file_create_directory", WhenImported = true)]
        private static int CreateDirectory(byte* path) => (int)FileSyscalls.Mkdirat(path, 0x1FF); // 0777, as .NET

        [RuntimeExport("tb_file_current_directory", WhenImported = true)]
        private static string CurrentDirectory()
        {
            const int Size = 4096; // PATH_MAX: getcwd fails with ERANGE on anything longer
            byte* buffer = stackalloc byte[Size];
            long length = FileSyscalls.Getcwd(buffer, Size);
            // Only an unreachable current directory fails; "/" then keeps relative paths absolute.
            if (length <= 1)
                return "/";
            return Utf8Text.Decode(buffer, (int)length - 1);
        }
    }
}
