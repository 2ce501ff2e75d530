namespace Http.Protocol
{
    /// <summary>
    /// The request target (origin-form only) to the path of a served file. Percent-decoding is done exactly
    /// once, segment by segment, and the checks run on the decoded bytes, so "%2e%2e" is ".." and "%252e" is
    /// the three characters "%2e". Refused (400): anything but origin-form (absolute-form "http://h/p" and
    /// asterisk-form), a fragment, a malformed escape, a NUL or other control byte, a backslash (raw or
    /// encoded: some file systems take it for a separator), and any ".." segment (there is nothing above
    /// the root, and a request that tries is not a mistake worth serving). Empty and "." segments are
    /// dropped, so "//a/./b" is "/a/b". A path ending in '/' names the directory's index.html.
    /// </summary>
    internal static class TargetPath
    {
        private static readonly byte[] Index = { (byte)'i', (byte)'n', (byte)'d', (byte)'e', (byte)'x', (byte)'.', (byte)'h', (byte)'t', (byte)'m', (byte)'l' };

        /// <summary>
        /// Decodes <paramref name="target"/> into <paramref name="path"/> (at least target length + 11 bytes).
        /// Returns the path's length, or -1 for a target that is refused with 400.
        /// </summary>
        public static int Decode(byte[] buffer, Slice target, byte[] path, out bool endsWithSlash)
        {
            endsWithSlash = false;
            int i = target.Start;
            int end = target.Start + target.Length;
            if (target.Length == 0 || buffer[i] != '/') return -1;
            // The query is not part of the path; a fragment is never sent in a request (RFC 9110 §4.2.4... and 7.1).
            int pathEnd = i;
            while (pathEnd < end && buffer[pathEnd] != '?')
            {
                if (buffer[pathEnd] == '#') return -1;
                pathEnd++;
            }
            for (int q = pathEnd; q < end; q++)
                if (buffer[q] == '#') return -1;

            int length = 0;
            int segmentStart = 0;
            while (i < pathEnd)
            {
                byte c = buffer[i++];
                if (c == '%')
                {
                    if (i + 2 > pathEnd) return -1;
                    int hi = Hex(buffer[i]), lo = Hex(buffer[i + 1]);
                    if (hi < 0 || lo < 0) return -1;
                    c = (byte)(hi * 16 + lo);
                    i += 2;
                    if (c < 0x20 || c == 0x7F) return -1;
                }
                if (c == '\\') return -1;
                if (c == '/')
                {
                    if (!EndSegment(path, ref length, segmentStart)) return -1;
                    segmentStart = length;
                    continue;
                }
                if (length == segmentStart) path[length++] = (byte)'/';
                path[length++] = c;
            }
            if (!EndSegment(path, ref length, segmentStart)) return -1;
            // A trailing '/' (or a last segment that was "." or empty) names a directory.
            endsWithSlash = length == segmentStart;
            if (endsWithSlash)
            {
                path[length++] = (byte)'/';
                for (int k = 0; k < Index.Length; k++) path[length++] = Index[k];
            }
            return length;
        }

        /// <summary>Closes the segment written since <paramref name="segmentStart"/> (its leading '/' included): drops "." and empty ones, refuses "..".</summary>
        private static bool EndSegment(byte[] path, ref int length, int segmentStart)
        {
            int n = length - segmentStart;
            if (n == 2 && path[segmentStart + 1] == '.') length = segmentStart;
            else if (n == 3 && path[segmentStart + 1] == '.' && path[segmentStart + 2] == '.') return false;
            return true;
        }

        private static int Hex(byte c)
        {
            if (c >= '0' && c <= '9') return c - '0';
            if (c >= 'a' && c <= 'f') return c - 'a' + 10;
            if (c >= 'A' && c <= 'F') return c - 'A' + 10;
            return -1;
        }
    }
}
