namespace Http.Content
{
    /// <summary>One file of the tree as tools/embed.py writes it: chars U+0000..U+00FF stand for bytes.</summary>
    internal sealed class EmbeddedFile
    {
        public readonly string Path;
        public readonly long ModifiedUnixSeconds;
        public readonly string Data;

        public EmbeddedFile(string path, long modifiedUnixSeconds, string data)
        {
            Path = path;
            ModifiedUnixSeconds = modifiedUnixSeconds;
            Data = data;
        }

        /// <summary>The chars as bytes (each char is below 256 by construction).</summary>
        public static byte[] ToBytes(string chars)
        {
            var bytes = new byte[chars.Length];
            for (int i = 0; i < bytes.Length; i++)
                bytes[i] = (byte)chars[i];
            return bytes;
        }
    }
}
