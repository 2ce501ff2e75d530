using System.IO;
using System.Runtime;

namespace Testbed.LibOS.Platform.Pvh
{
    /// <summary>
    /// The file service the core library imports (libos/corlib/System/IO/FileService.cs states the
    /// contract) on a machine without a file system. What exists: the directories "/" and "/dev", and
    /// /dev/vda, /dev/vdb, ... the virtio-blk disks in the order of <c>--disk</c>, as block devices whose
    /// length is their capacity (<see cref="RawDisk"/>). They cannot be created, truncated, resized or
    /// removed; their flock is kept here among the handles. Any other path answers
    /// <see cref="NoFileSystem"/>, except under /dev, where a missing name is just missing (ENOENT).
    /// </summary>
    internal static unsafe class FileExports
    {
        private const int EPERM = 1;
        private const int ENOENT = 2;
        private const int EBADF = 9;
        private const int EWOULDBLOCK = 11;
        private const int EACCES = 13;
        private const int EEXIST = 17;
        private const int ENOTDIR = 20;
        private const int EISDIR = 21;
        private const int EINVAL = 22;
        private const int EMFILE = 24;
        /// <summary>FileService.NoFileSystem: a path outside what this target has.</summary>
        private const int NoFileSystem = 10000;

        // The kinds of the contract (FileService.Kind*, internal to the core library).
        private const int KindDirectory = 2;
        private const int KindBlockDevice = 3;

        /// <summary>What <see cref="Lookup"/> answers for the two directories: below every negative errno and NoFileSystem.</summary>
        private const int PathRoot = -2 * NoFileSystem - 1;
        private const int PathDev = -2 * NoFileSystem - 2;

        private const int MaxHandles = 64;
        private const int LockNone = 0;
        private const int LockShared = 1;
        private const int LockExclusive = 2;

        /// <summary>Per handle: the disk (null when free) and its flock.</summary>
        private static RawDisk[] s_handleDisks;
        private static int[] s_handleLocks;

        [RuntimeExport("tb_file_open", WhenImported = true)]
        private static long Open(byte* path, FileAccess access, FileMode disposition, bool inheritable)
        {
            int named = Lookup(path, out RawDisk disk);
            if (named == PathRoot || named == PathDev)
                return -EISDIR;
            if (disk == null)
                return named;
            if (disposition == FileMode.CreateNew)
                return -EEXIST;
            if (s_handleDisks == null)
            {
                s_handleDisks = new RawDisk[MaxHandles];
                s_handleLocks = new int[MaxHandles];
            }
            for (int handle = 0; handle < MaxHandles; handle++)
                if (s_handleDisks[handle] == null)
                {
                    s_handleDisks[handle] = disk;
                    s_handleLocks[handle] = LockNone;
                    return handle;
                }
            return -EMFILE;
        }

        [RuntimeExport("tb_file_close", WhenImported = true)]
        private static int Close(long handle)
        {
            if (Disk(handle) == null)
                return -EBADF;
            s_handleDisks[handle] = null;
            s_handleLocks[handle] = LockNone;
            return 0;
        }

        [RuntimeExport("tb_file_read", WhenImported = true)]
        private static long Read(long handle, byte* buffer, int count, long offset)
        {
            RawDisk disk = Disk(handle);
            if (disk == null)
                return -EBADF;
            return offset < 0 ? -EINVAL : disk.Read(buffer, count, offset);
        }

        [RuntimeExport("tb_file_write", WhenImported = true)]
        private static long Write(long handle, byte* buffer, int count, long offset)
        {
            RawDisk disk = Disk(handle);
            if (disk == null)
                return -EBADF;
            return offset < 0 ? -EINVAL : disk.Write(buffer, count, offset);
        }

        [RuntimeExport("tb_file_status", WhenImported = true)]
        private static int Status(long handle, out long length)
        {
            RawDisk disk = Disk(handle);
            length = disk == null ? 0 : disk.Capacity;
            return disk == null ? -EBADF : KindBlockDevice;
        }

        [RuntimeExport("tb_file_path_status", WhenImported = true)]
        private static int PathStatus(byte* path, out long length)
        {
            int named = Lookup(path, out RawDisk disk);
            length = disk == null ? 0 : disk.Capacity;
            if (named == PathRoot || named == PathDev)
                return KindDirectory;
            return disk == null ? named : KindBlockDevice;
        }

        [RuntimeExport("tb_file_seekable", WhenImported = true)]
        private static bool Seekable(long handle) => Disk(handle) != null;

        /// <summary>A disk's size is its capacity: ftruncate of a Linux block device fails the same way.</summary>
        [RuntimeExport("tb_file_set_length", WhenImported = true)]
        private static int SetLength(long handle, long length) => Disk(handle) == null ? -EBADF : -EINVAL;

        [RuntimeExport("tb_file_sync", WhenImported = true)]
        private static int Sync(long handle)
        {
            RawDisk disk = Disk(handle);
            return disk == null ? -EBADF : disk.Flush();
        }

        /// <summary>flock among this image's handles: exclusive against any other lock on the disk, shared against an exclusive one.</summary>
        [RuntimeExport("tb_file_lock", WhenImported = true)]
        private static int Lock(long handle, bool exclusive)
        {
            RawDisk disk = Disk(handle);
            if (disk == null)
                return -EBADF;
            for (int other = 0; other < MaxHandles; other++)
            {
                if (other == handle || s_handleDisks[other] != disk)
                    continue;
                int held = s_handleLocks[other];
                if (held == LockExclusive || (exclusive && held == LockShared))
                    return -EWOULDBLOCK;
            }
            s_handleLocks[handle] = exclusive ? LockExclusive : LockShared;
            return 0;
        }

        [RuntimeExport("tb_file_delete", WhenImported = true)]
        private static int Delete(byte* path, bool directory)
        {
            int named = Lookup(path, out RawDisk disk);
            if (named == PathRoot || named == PathDev)
                return directory ? -EACCES : -EISDIR;
            if (disk != null)
                return directory ? -ENOTDIR : -EPERM;
            return named;
        }

        [RuntimeExport("tb_file_create_directory", WhenImported = true)]
        private static int CreateDirectory(byte* path)
        {
            int named = Lookup(path, out RawDisk disk);
            if (named == PathRoot || named == PathDev || disk != null)
                return -EEXIST;
            return named == -ENOTDIR ? named : -NoFileSystem;
        }

        [RuntimeExport("tb_file_current_directory", WhenImported = true)]
        private static string CurrentDirectory() => "/";

        private static RawDisk Disk(long handle) =>
            s_handleDisks == null || handle < 0 || handle >= MaxHandles ? null : s_handleDisks[handle];

        /// <summary>
        /// What a full path names: <see cref="PathRoot"/>, <see cref="PathDev"/>, a disk (index ≥ 0 and
        /// <paramref name="disk"/> set), or a negative error: ENOENT under /dev (a disk the machine does not
        /// have included), ENOTDIR below a disk, NoFileSystem anywhere else.
        /// </summary>
        private static int Lookup(byte* path, out RawDisk disk)
        {
            disk = null;
            int length = 0;
            while (path[length] != 0)
                length++;
            // GetFullPath leaves at most one trailing separator, and "/dev/" is "/dev".
            bool trailing = length > 1 && path[length - 1] == '/';
            if (trailing)
                length--;
            if (length == 1 && path[0] == '/')
                return PathRoot;
            if (!StartsWith(path, length, "/dev"))
                return -NoFileSystem;
            if (length == 4)
                return PathDev;
            if (path[4] != '/')
                return -NoFileSystem;
            if (length == 8 && StartsWith(path, length, "/dev/vd") && path[7] >= 'a' && path[7] <= 'z')
            {
                int index = path[7] - 'a';
                disk = RawDisk.Get(index);
                if (disk == null)
                    return -ENOENT;
                if (trailing)
                {
                    disk = null;
                    return -ENOTDIR;
                }
                return index;
            }
            // Below a disk ("/dev/vda/x") is below a file; anything else in /dev does not exist.
            if (length > 8 && StartsWith(path, length, "/dev/vd") && path[8] == '/' && RawDisk.Get(path[7] - 'a') != null)
                return -ENOTDIR;
            return -ENOENT;
        }

        private static bool StartsWith(byte* path, int length, string prefix)
        {
            if (length < prefix.Length)
                return false;
            for (int i = 0; i < prefix.Length; i++)
                if (path[i] != (byte)prefix[i])
                    return false;
            return true;
        }
    }
}
