namespace System.IO
{
    /// <summary>.NET's Directory, the part programs need to prepare and check where their files go.</summary>
    public static class Directory
    {
        public static bool Exists(string path)
        {
            if (path == null || path.Length == 0 || path.IndexOf('\0') >= 0) return false;
            return FileService.KindOf(Path.GetFullPath(path)) == FileService.KindDirectory;
        }

        /// <summary>
        /// Creates the directory and every missing parent, as .NET: the directory alone first; only when
        /// that finds a parent missing, each missing parent from the top, with errors naming the directory
        /// being made at the time.
        /// </summary>
        public static DirectoryInfo CreateDirectory(string path)
        {
            if (path == null) throw new ArgumentNullException(nameof(path));
            if (path.Length == 0) throw new ArgumentException("The value cannot be an empty string.", nameof(path));
            string fullPath = Path.GetFullPath(path);
            var info = new DirectoryInfo(path, fullPath);
            if (FileService.KindOf(fullPath) == FileService.KindDirectory) return info;
            int error = MakeDirectory(fullPath);
            if (error == FileErrors.ENOENT)
            {
                var missing = new System.Collections.Generic.List<string>();
                string ancestor = Path.GetDirectoryName(WithoutTrailingSeparator(fullPath));
                while (ancestor != null && FileService.KindOf(ancestor) < 0)
                {
                    missing.Add(ancestor);
                    ancestor = Path.GetDirectoryName(ancestor);
                }
                for (int i = missing.Count - 1; i >= 0; i--)
                    Check(MakeDirectory(missing[i]), missing[i]);
                error = MakeDirectory(fullPath);
            }
            Check(error, fullPath);
            return info;
        }

        /// <summary>Removes an empty directory.</summary>
        public static unsafe void Delete(string path)
        {
            if (path == null) throw new ArgumentNullException(nameof(path));
            if (path.Length == 0) throw new ArgumentException("The value cannot be an empty string.", nameof(path));
            string fullPath = Path.GetFullPath(path);
            int result;
            fixed (byte* native = FileService.NativePath(fullPath))
                result = FileService.Delete(native, directory: true);
            if (result < 0) throw FileErrors.For(-result, fullPath, isDirectory: true);
        }

        /// <summary>mkdir; 0 on success, else the errno.</summary>
        private static unsafe int MakeDirectory(string fullPath)
        {
            fixed (byte* native = FileService.NativePath(fullPath))
                return -FileService.CreateDirectory(native);
        }

        private static void Check(int error, string fullPath)
        {
            if (error == 0) return;
            if (error == FileErrors.EEXIST)
            {
                if (FileService.KindOf(fullPath) == FileService.KindDirectory) return;
                throw FileErrors.For(error, fullPath);
            }
            if (error == FileService.NoFileSystem)
                throw new IOException("Could not create the directory '" + fullPath + "'." + FileErrors.NoFileSystemNote);
            throw FileErrors.For(error, fullPath);
        }

        internal static string WithoutTrailingSeparator(string fullPath) =>
            fullPath.Length > 1 && fullPath[fullPath.Length - 1] == '/' ? fullPath.Substring(0, fullPath.Length - 1) : fullPath;
    }

    /// <summary>
    /// .NET's DirectoryInfo as Directory.CreateDirectory returns it: the path as given (ToString), the full
    /// path, the last segment and whether the directory exists (read at the first use, as .NET caches it
    /// until Refresh).
    /// </summary>
    public sealed class DirectoryInfo : FileSystemInfo
    {
        private readonly string _originalPath;
        private readonly string _fullPath;
        private int _exists;

        public DirectoryInfo(string path)
        {
            if (path == null) throw new ArgumentNullException(nameof(path));
            _originalPath = path;
            _fullPath = Path.GetFullPath(path);
        }

        internal DirectoryInfo(string originalPath, string fullPath)
        {
            _originalPath = originalPath;
            _fullPath = fullPath;
        }

        public override string FullName => _fullPath;

        public override string Name
        {
            get
            {
                string trimmed = Directory.WithoutTrailingSeparator(_fullPath);
                return trimmed == "/" ? trimmed : Path.GetFileName(trimmed);
            }
        }

        public override bool Exists
        {
            get
            {
                if (_exists == 0) _exists = FileService.KindOf(_fullPath) == FileService.KindDirectory ? 1 : 2;
                return _exists == 1;
            }
        }

        public override void Refresh() => _exists = 0;

        public override string ToString() => _originalPath;
    }
}
