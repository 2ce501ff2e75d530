using System;

namespace Http.Content
{
    /// <summary>
    /// Content-Type by file extension (case-insensitive), for the types a static site has; anything else is
    /// application/octet-stream, the default RFC 9110 §8.3 suggests for unknown data.
    /// </summary>
    internal static class MimeTypes
    {
        private static readonly string[] Table =
        {
            "html", "text/html", "htm", "text/html", "css", "text/css", "txt", "text/plain", "xml", "text/xml",
            "js", "application/javascript", "mjs", "application/javascript", "json", "application/json",
            "wasm", "application/wasm", "pdf", "application/pdf", "zip", "application/zip", "gz", "application/gzip",
            "png", "image/png", "jpg", "image/jpeg", "jpeg", "image/jpeg", "gif", "image/gif", "webp", "image/webp",
            "svg", "image/svg+xml", "ico", "image/x-icon", "avif", "image/avif",
            "woff", "font/woff", "woff2", "font/woff2", "ttf", "font/ttf", "otf", "font/otf",
            "mp4", "video/mp4", "webm", "video/webm", "mp3", "audio/mpeg", "ogg", "audio/ogg",
            "bin", "application/octet-stream",
        };

        public const string Default = "application/octet-stream";

        public static string ForPath(string path)
        {
            int dot = path.LastIndexOf('.');
            int slash = path.LastIndexOf('/');
            if (dot < 0 || dot < slash) return Default;
            string extension = path.Substring(dot + 1);
            for (int i = 0; i < Table.Length; i += 2)
                if (string.Equals(Table[i], extension, StringComparison.OrdinalIgnoreCase))
                    return Table[i + 1];
            return Default;
        }
    }
}
