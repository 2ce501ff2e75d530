using System.Text;

namespace System.IO
{
    /// <summary>
    /// .NET's Path on Unix, the part files need: separators, Combine, GetFullPath (with .NET's removal of
    /// "." and ".." segments and repeated separators), GetDirectoryName, GetFileName, IsPathRooted.
    /// </summary>
    public static class Path
    {
        public static readonly char DirectorySeparatorChar = '/';
        public static readonly char AltDirectorySeparatorChar = '/';
        public static readonly char VolumeSeparatorChar = '/';
        public static readonly char PathSeparator = ':';

        public static bool IsPathRooted(string path) => path != null && path.Length > 0 && path[0] == '/';

        public static string Combine(string path1, string path2)
        {
            if (path1 == null) throw new ArgumentNullException(nameof(path1));
            if (path2 == null) throw new ArgumentNullException(nameof(path2));
            if (path2.Length == 0) return path1;
            if (path1.Length == 0 || IsPathRooted(path2)) return path2;
            return path1[path1.Length - 1] == '/' ? path1 + path2 : path1 + "/" + path2;
        }

        public static string Combine(string path1, string path2, string path3)
        {
            if (path1 == null) throw new ArgumentNullException(nameof(path1));
            if (path2 == null) throw new ArgumentNullException(nameof(path2));
            if (path3 == null) throw new ArgumentNullException(nameof(path3));
            return Combine(Combine(path1, path2), path3);
        }

        public static string GetFileName(string path)
        {
            if (path == null) return null;
            return path.Substring(path.LastIndexOf('/') + 1);
        }

        /// <summary>The path without its last segment, repeated separators collapsed; null for the root or an empty path.</summary>
        public static string GetDirectoryName(string path)
        {
            if (path == null || path.Length == 0) return null;
            string collapsed = CollapseSeparators(path);
            int last = collapsed.LastIndexOf('/');
            if (last < 0) return "";
            if (last == 0) return collapsed.Length == 1 ? null : "/";
            return collapsed.Substring(0, last);
        }

        public static string GetFullPath(string path)
        {
            if (path == null) throw new ArgumentNullException(nameof(path));
            if (path.Length == 0) throw new ArgumentException("The value cannot be an empty string.", nameof(path));
            if (path.IndexOf('\0') >= 0) throw new ArgumentException("Null character in path.", nameof(path));
            if (!IsPathRooted(path)) path = Combine(FileService.CurrentDirectory(), path);
            return RemoveRelativeSegments(path);
        }

        /// <summary>
        /// An absolute path without empty, "." and ".." segments ("/.." is "/"); a trailing separator stays
        /// when the path had one, as .NET keeps it.
        /// </summary>
        private static string RemoveRelativeSegments(string path)
        {
            var segments = new System.Collections.Generic.List<string>();
            int start = 1;
            while (start <= path.Length)
            {
                int end = path.IndexOf('/', start);
                if (end < 0) end = path.Length;
                int length = end - start;
                if (length == 2 && path[start] == '.' && path[start + 1] == '.')
                {
                    if (segments.Count > 0) segments.RemoveAt(segments.Count - 1);
                }
                else if (length > 0 && !(length == 1 && path[start] == '.'))
                {
                    segments.Add(path.Substring(start, length));
                }
                start = end + 1;
            }
            var result = new StringBuilder(path.Length);
            foreach (string segment in segments)
                result.Append('/').Append(segment);
            if (segments.Count == 0 || path[path.Length - 1] == '/')
                result.Append('/');
            return result.ToString();
        }

        private static string CollapseSeparators(string path)
        {
            if (path.IndexOf("//", StringComparison.Ordinal) < 0) return path;
            var result = new StringBuilder(path.Length);
            for (int i = 0; i < path.Length; i++)
                if (path[i] != '/' || i == 0 || path[i - 1] != '/')
                    result.Append(path[i]);
            return result.ToString();
        }
    }
}
