using System.Text;

namespace System
{
    public enum UriKind
    {
        RelativeOrAbsolute = 0,
        Absolute = 1,
        Relative = 2,
    }

    public class UriFormatException : FormatException
    {
        public UriFormatException() : base("Invalid URI: The format of the URI could not be determined.") { }

        public UriFormatException(string textString) : base(textString) { }
    }

    /// <summary>
    /// .NET's Uri for what servers and clients parse: absolute URIs with an authority (http, https, ws,
    /// wss, ftp, file, any other scheme followed by "//"), opaque ones (mailto:, urn:), Unix paths (on
    /// Linux .NET reads "/etc/hosts" as file:///etc/hosts), relative references, and resolution of a
    /// relative reference against a base (RFC 3986, section 5). Canonical as .NET makes it: scheme and host
    /// lower case, a default port left out, an empty http path "/", dot segments removed, backslashes
    /// as slashes in http-like paths, characters that may not appear escaped in <see cref="AbsoluteUri"/>
    /// (unreserved ones unescaped), and shown unescaped by <see cref="ToString"/>. Not provided:
    /// internationalised host names (IDN), UNC paths, <c>UriBuilder</c>, <c>MakeRelativeUri</c>.
    /// </summary>
    public class Uri
    {
        public static readonly string SchemeDelimiter = "://";
        public static readonly string UriSchemeHttp = "http";
        public static readonly string UriSchemeHttps = "https";
        public static readonly string UriSchemeFile = "file";

        private readonly string _original;
        private bool _absolute;
        private string _scheme = "";
        private string _userInfo = "";
        private string _host = "";
        private int _port = -1;
        private bool _explicitPort;
        private bool _hasAuthority;
        // mailto: has a user and host but no "//" (.NET parses them as the authority).
        private bool _mailAuthority;
        private string _path = "";
        private string _query = "";
        private string _fragment = "";

        public Uri(string uriString) : this(uriString, UriKind.Absolute) { }

        public Uri(string uriString, UriKind uriKind)
        {
            if (uriString == null) throw new ArgumentNullException(nameof(uriString));
            string error = Parse(uriString, uriKind, out _absolute);
            if (error != null) throw new UriFormatException(error);
            _original = uriString;
        }

        public Uri(Uri baseUri, string relativeUri)
        {
            if (baseUri == null) throw new ArgumentNullException(nameof(baseUri));
            if (!baseUri._absolute) throw new ArgumentOutOfRangeException(nameof(baseUri));
            if (relativeUri == null) relativeUri = "";
            // Only a scheme makes the reference absolute here: "/g" is a path on the base's authority, not a Unix file.
            string trimmed = relativeUri.Trim();
            Uri resolved = trimmed.Length > 0 && SchemeEnd(trimmed) >= 0 ? new Uri(relativeUri, UriKind.Absolute) : Resolve(baseUri, relativeUri);
            _original = resolved._original;
            _absolute = true;
            CopyFrom(resolved);
        }

        public Uri(Uri baseUri, Uri relativeUri) : this(baseUri, relativeUri?.OriginalString) { }

        private Uri(string original, bool absolute)
        {
            _original = original;
            _absolute = absolute;
        }

        public static bool TryCreate(string uriString, UriKind uriKind, out Uri result)
        {
            result = null;
            if (uriString == null) return false;
            var candidate = new Uri(uriString, false);
            if (candidate.Parse(uriString, uriKind, out candidate._absolute) != null) return false;
            result = candidate;
            return true;
        }

        public static bool TryCreate(Uri baseUri, string relativeUri, out Uri result)
        {
            result = null;
            if (baseUri == null || !baseUri._absolute) return false;
            try
            {
                result = new Uri(baseUri, relativeUri);
                return true;
            }
            catch (UriFormatException)
            {
                return false;
            }
        }

        public static bool IsWellFormedUriString(string uriString, UriKind uriKind) =>
            uriString != null && uriString.IndexOf(' ') < 0 && TryCreate(uriString, uriKind, out _);

        public string OriginalString => _original;
        public bool IsAbsoluteUri => _absolute;
        public string Scheme => Absolute()._scheme;
        public string Host => Absolute()._host;
        public string DnsSafeHost => Host.Length > 1 && Host[0] == '[' ? Host.Substring(1, Host.Length - 2) : Host;
        public string IdnHost => DnsSafeHost;
        public int Port => Absolute()._port;
        public bool IsDefaultPort => Absolute()._port == DefaultPort(_scheme);
        public string UserInfo => Absolute()._userInfo;
        public string Authority => Absolute()._hasAuthority || _mailAuthority ? (IsDefaultPort ? _host : _host + ":" + _port) : "";
        public string AbsolutePath => Escape(Absolute()._path, false);
        public string Query => Escape(Absolute()._query, false);
        public string Fragment => Escape(Absolute()._fragment, false);
        public string PathAndQuery => AbsolutePath + Query;
        public string AbsoluteUri => Compose(false);
        public bool IsFile => Absolute()._scheme == "file";
        public bool IsLoopback => Absolute()._host == "localhost" || _host == "[::1]" || _host.StartsWith("127.", StringComparison.Ordinal);
        public bool UserEscaped => false;
        public string LocalPath => IsFile ? UnescapeDataString(_path) : Escape(_path, true);

        public string[] Segments
        {
            get
            {
                string path = AbsolutePath;
                var segments = new System.Collections.Generic.List<string>();
                int start = 0;
                for (int i = 0; i < path.Length; i++)
                {
                    if (path[i] != '/') continue;
                    segments.Add(path.Substring(start, i + 1 - start));
                    start = i + 1;
                }
                if (start < path.Length) segments.Add(path.Substring(start));
                return segments.ToArray();
            }
        }

        public string GetLeftPart(UriPartial part)
        {
            Absolute();
            string authority = _hasAuthority ? _scheme + "://" + UserInfoPrefix() + Authority : _scheme + ":";
            return part switch
            {
                UriPartial.Scheme => _hasAuthority ? _scheme + "://" : _scheme + ":",
                UriPartial.Authority => _hasAuthority ? authority : "",
                UriPartial.Path => authority + AbsolutePath,
                _ => authority + AbsolutePath + Query,
            };
        }

        public override string ToString() => _absolute ? Compose(true) : _original;

        public override bool Equals(object comparand)
        {
            if (comparand is string text) return TryCreate(text, UriKind.RelativeOrAbsolute, out Uri parsed) && Equals(parsed);
            if (comparand is not Uri other || other._absolute != _absolute) return false;
            if (!_absolute) return _original == other._original;
            // As .NET: the fragment does not take part.
            return _scheme == other._scheme && _userInfo == other._userInfo && _host == other._host && _port == other._port
                && AbsolutePath == other.AbsolutePath && Query == other.Query;
        }

        public override int GetHashCode() => _absolute ? (_scheme + "://" + _host + ":" + _port + AbsolutePath + Query).GetHashCode() : _original.GetHashCode();

        public static bool operator ==(Uri uri1, Uri uri2) => ReferenceEquals(uri1, uri2) || (uri1 is not null && uri2 is not null && uri1.Equals(uri2));

        public static bool operator !=(Uri uri1, Uri uri2) => !(uri1 == uri2);

        /// <summary>Percent-encodes everything but RFC 3986's unreserved characters, as UTF-8.</summary>
        public static string EscapeDataString(string stringToEscape)
        {
            if (stringToEscape == null) throw new ArgumentNullException(nameof(stringToEscape));
            var result = new StringBuilder(stringToEscape.Length);
            foreach (byte b in Encoding.UTF8.GetBytes(stringToEscape))
            {
                if (IsUnreserved((char)b)) result.Append((char)b);
                else AppendEscaped(result, b);
            }
            return result.ToString();
        }

        /// <summary>Decodes every %XX sequence that makes valid UTF-8; anything else stays as it is.</summary>
        public static string UnescapeDataString(string stringToUnescape)
        {
            if (stringToUnescape == null) throw new ArgumentNullException(nameof(stringToUnescape));
            if (stringToUnescape.IndexOf('%') < 0) return stringToUnescape;
            var result = new StringBuilder(stringToUnescape.Length);
            int i = 0;
            while (i < stringToUnescape.Length)
            {
                int consumed = TryDecodeSequence(stringToUnescape, i, out string decoded);
                if (consumed > 0)
                {
                    result.Append(decoded);
                    i += consumed;
                }
                else
                {
                    result.Append(stringToUnescape[i]);
                    i++;
                }
            }
            return result.ToString();
        }

        public static bool CheckSchemeName(string schemeName)
        {
            if (string.IsNullOrEmpty(schemeName) || !IsAsciiLetter(schemeName[0])) return false;
            foreach (char c in schemeName)
                if (!IsAsciiLetter(c) && !(c >= '0' && c <= '9') && c != '+' && c != '-' && c != '.') return false;
            return true;
        }

        private Uri Absolute()
        {
            if (!_absolute) throw new InvalidOperationException("This operation is not supported for a relative URI.");
            return this;
        }

        private void CopyFrom(Uri other)
        {
            _scheme = other._scheme;
            _userInfo = other._userInfo;
            _host = other._host;
            _port = other._port;
            _explicitPort = other._explicitPort;
            _hasAuthority = other._hasAuthority;
            _mailAuthority = other._mailAuthority;
            _path = other._path;
            _query = other._query;
            _fragment = other._fragment;
        }

        private string UserInfoPrefix() => _userInfo.Length > 0 ? _userInfo + "@" : "";

        private string Compose(bool forDisplay)
        {
            Absolute();
            var result = new StringBuilder();
            result.Append(_scheme).Append(':');
            if (_hasAuthority)
            {
                result.Append("//").Append(UserInfoPrefix()).Append(_host);
                if (!IsDefaultPort) result.Append(':').Append(_port);
            }
            else if (_mailAuthority)
            {
                result.Append(UserInfoPrefix()).Append(_host);
            }
            result.Append(Escape(_path, forDisplay)).Append(Escape(_query, forDisplay)).Append(Escape(_fragment, forDisplay));
            return result.ToString();
        }

        private static int DefaultPort(string scheme) => scheme switch
        {
            "http" or "ws" => 80,
            "https" or "wss" => 443,
            "ftp" => 21,
            "mailto" => 25,
            "gopher" => 70,
            "nntp" => 119,
            "telnet" => 23,
            "ldap" => 389,
            _ => -1,
        };

        private static bool IsHttpLike(string scheme) => scheme is "http" or "https" or "ws" or "wss" or "ftp" or "file";

        /// <summary>Fills the fields; returns .NET's message when the string is not a URI of that kind.</summary>
        private string Parse(string text, UriKind kind, out bool absolute)
        {
            absolute = false;
            string trimmed = text.Trim();
            if (trimmed.Length == 0)
            {
                if (kind == UriKind.Absolute) return "Invalid URI: The URI is empty.";
                return null;
            }
            int colon = SchemeEnd(trimmed);
            bool unixPath = trimmed[0] == '/' && !(trimmed.Length > 1 && trimmed[1] == '/');
            if (colon < 0 && !(unixPath && kind != UriKind.Relative))
            {
                if (kind == UriKind.Absolute) return "Invalid URI: The format of the URI could not be determined.";
                return null;
            }
            if (kind == UriKind.Relative) return "Invalid URI: The format of the URI could not be determined.";
            absolute = true;
            if (colon < 0)
            {
                _scheme = "file";
                _hasAuthority = true;
                SplitPathQueryFragment(trimmed, 0);
                _path = RemoveDotSegments(_path);
                return null;
            }
            _scheme = trimmed.Substring(0, colon).ToLowerInvariant();
            int rest = colon + 1;
            bool slashes = rest + 1 < trimmed.Length && IsSlash(trimmed[rest]) && IsSlash(trimmed[rest + 1]);
            if (_scheme == "mailto" && !slashes)
            {
                int addressEnd = rest;
                while (addressEnd < trimmed.Length && trimmed[addressEnd] != '?' && trimmed[addressEnd] != '#')
                    addressEnd++;
                string mailError = ParseAuthority(trimmed.Substring(rest, addressEnd - rest));
                if (mailError != null) return mailError;
                _mailAuthority = true;
                SplitPathQueryFragment(trimmed, addressEnd);
                return null;
            }
            if (!slashes && !IsHttpLike(_scheme))
            {
                // Opaque: mailto:, urn:, data:.
                SplitPathQueryFragment(trimmed, rest);
                return null;
            }
            _hasAuthority = true;
            if (slashes) rest += 2;
            int authorityEnd = rest;
            while (authorityEnd < trimmed.Length && !IsSlash(trimmed[authorityEnd]) && trimmed[authorityEnd] != '?' && trimmed[authorityEnd] != '#')
                authorityEnd++;
            string error = ParseAuthority(trimmed.Substring(rest, authorityEnd - rest));
            if (error != null) return error;
            SplitPathQueryFragment(trimmed, authorityEnd);
            if (IsHttpLike(_scheme)) _path = _path.Replace('\\', '/');
            if (_path.Length == 0 && IsHttpLike(_scheme)) _path = "/";
            _path = RemoveDotSegments(_path);
            return null;
        }

        private string ParseAuthority(string authority)
        {
            int at = authority.LastIndexOf('@');
            if (at >= 0)
            {
                _userInfo = authority.Substring(0, at);
                authority = authority.Substring(at + 1);
            }
            int portStart = -1;
            if (authority.Length > 0 && authority[0] == '[')
            {
                int close = authority.IndexOf(']');
                if (close < 0) return "Invalid URI: The hostname could not be parsed.";
                _host = authority.Substring(0, close + 1).ToLowerInvariant();
                if (close + 1 < authority.Length)
                {
                    if (authority[close + 1] != ':') return "Invalid URI: The hostname could not be parsed.";
                    portStart = close + 2;
                }
            }
            else
            {
                int colon = authority.IndexOf(':');
                _host = (colon < 0 ? authority : authority.Substring(0, colon)).ToLowerInvariant();
                if (colon >= 0) portStart = colon + 1;
                foreach (char c in _host)
                    if (!(IsAsciiLetter(c) || (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_'))
                        return "Invalid URI: The hostname could not be parsed.";
                if (_host.Length == 0 && _scheme != "file") return "Invalid URI: The hostname could not be parsed.";
            }
            _port = DefaultPort(_scheme);
            if (portStart >= 0)
            {
                string digits = authority.Substring(portStart);
                if (digits.Length > 0)
                {
                    int port = 0;
                    foreach (char c in digits)
                    {
                        if (c < '0' || c > '9') return "Invalid URI: Invalid port specified.";
                        port = port * 10 + (c - '0');
                        if (port > 65535) return "Invalid URI: Invalid port specified.";
                    }
                    _port = port;
                    _explicitPort = true;
                }
            }
            return null;
        }

        private void SplitPathQueryFragment(string text, int start)
        {
            int hash = text.IndexOf('#', start);
            int end = hash < 0 ? text.Length : hash;
            int question = text.IndexOf('?', start, end - start);
            int pathEnd = question < 0 ? end : question;
            _path = text.Substring(start, pathEnd - start);
            _query = question < 0 ? "" : text.Substring(question, end - question);
            _fragment = hash < 0 ? "" : text.Substring(hash);
        }

        /// <summary>Where the scheme's ':' is, or -1: a letter, then letters, digits, '+', '-', '.'; one letter alone is a DOS drive, not a scheme.</summary>
        private static int SchemeEnd(string text)
        {
            if (!IsAsciiLetter(text[0])) return -1;
            for (int i = 1; i < text.Length; i++)
            {
                char c = text[i];
                if (c == ':') return i >= 2 ? i : -1;
                if (!IsAsciiLetter(c) && !(c >= '0' && c <= '9') && c != '+' && c != '-' && c != '.') return -1;
            }
            return -1;
        }

        /// <summary>RFC 3986, 5.2.2: the target of <paramref name="reference"/> against <paramref name="baseUri"/>.</summary>
        private static Uri Resolve(Uri baseUri, string reference)
        {
            var result = new Uri(reference, true);
            result._scheme = baseUri._scheme;
            result._hasAuthority = baseUri._hasAuthority;
            result.SplitPathQueryFragment(reference, 0);
            if (reference.StartsWith("//", StringComparison.Ordinal))
                return new Uri(baseUri._scheme + ":" + reference, UriKind.Absolute);
            result._userInfo = baseUri._userInfo;
            result._host = baseUri._host;
            result._port = baseUri._port;
            result._explicitPort = baseUri._explicitPort;
            string path = result._path;
            if (IsHttpLike(baseUri._scheme)) path = path.Replace('\\', '/');
            if (path.Length == 0)
            {
                result._path = baseUri._path;
                if (result._query.Length == 0) result._query = baseUri._query;
            }
            else if (path[0] == '/')
            {
                result._path = RemoveDotSegments(path);
            }
            else
            {
                int lastSlash = baseUri._path.LastIndexOf('/');
                string directory = lastSlash < 0 ? (baseUri._hasAuthority ? "/" : "") : baseUri._path.Substring(0, lastSlash + 1);
                result._path = RemoveDotSegments(directory + path);
            }
            // .NET's OriginalString of a resolved URI is the resolved text.
            var resolved = new Uri(result.Compose(true), true);
            resolved.CopyFrom(result);
            return resolved;
        }

        /// <summary>RFC 3986, 5.2.4.</summary>
        private static string RemoveDotSegments(string path)
        {
            if (path.IndexOf('.') < 0) return path;
            var output = new System.Collections.Generic.List<string>();
            string[] segments = path.Split('/');
            for (int i = 0; i < segments.Length; i++)
            {
                string segment = segments[i];
                bool last = i == segments.Length - 1;
                if (segment == ".")
                {
                    if (last) output.Add("");
                    continue;
                }
                if (segment == "..")
                {
                    if (output.Count > 1) output.RemoveAt(output.Count - 1);
                    if (last) output.Add("");
                    continue;
                }
                output.Add(segment);
            }
            string joined = string.Join("/", output);
            return path[0] == '/' && (joined.Length == 0 || joined[0] != '/') ? "/" + joined : joined;
        }

        /// <summary>
        /// The canonical text of a path, query or fragment: characters that may not appear in a URI
        /// escaped (as UTF-8), escapes of unreserved characters undone, a '%' that starts no escape
        /// escaped; for display, the escapes of spaces and other printable characters undone instead.
        /// </summary>
        private static string Escape(string text, bool forDisplay)
        {
            var result = new StringBuilder(text.Length);
            for (int i = 0; i < text.Length; i++)
            {
                char c = text[i];
                if (c == '%' && i + 2 < text.Length && IsHex(text[i + 1]) && IsHex(text[i + 2]))
                {
                    char decoded = (char)(HexValue(text[i + 1]) * 16 + HexValue(text[i + 2]));
                    if (IsUnreserved(decoded) || (forDisplay && decoded < 0x80 && IsShownUnescaped(decoded))) result.Append(decoded);
                    else result.Append('%').Append(char.ToUpperInvariant(text[i + 1])).Append(char.ToUpperInvariant(text[i + 2]));
                    i += 2;
                }
                else if (c == '%')
                {
                    result.Append("%25");
                }
                else if (!forDisplay && NeedsEscaping(c))
                {
                    if (char.IsHighSurrogate(c) && i + 1 < text.Length)
                    {
                        foreach (byte b in Encoding.UTF8.GetBytes(text.Substring(i, 2))) AppendEscaped(result, b);
                        i++;
                    }
                    else
                    {
                        foreach (byte b in Encoding.UTF8.GetBytes(c.ToString())) AppendEscaped(result, b);
                    }
                }
                else
                {
                    result.Append(c);
                }
            }
            return result.ToString();
        }

        private static bool NeedsEscaping(char c) =>
            c <= ' ' || c >= 0x7f || c == '"' || c == '<' || c == '>' || c == '\\' || c == '^' || c == '`' || c == '{' || c == '|' || c == '}';

        private static bool IsShownUnescaped(char c) => c == ' ' || c == '"' || c == '<' || c == '>' || c == '^' || c == '`' || c == '{' || c == '|' || c == '}';

        private static bool IsUnreserved(char c) => IsAsciiLetter(c) || (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_' || c == '~';

        private static bool IsAsciiLetter(char c) => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');

        private static bool IsSlash(char c) => c == '/' || c == '\\';

        private static bool IsHex(char c) => (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');

        private static int HexValue(char c) => c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;

        private static void AppendEscaped(StringBuilder builder, byte b)
        {
            const string digits = "0123456789ABCDEF";
            builder.Append('%').Append(digits[b >> 4]).Append(digits[b & 0xF]);
        }

        /// <summary>Decodes the %XX run at <paramref name="start"/> if it is one valid UTF-8 character; returns the characters consumed, or 0.</summary>
        private static int TryDecodeSequence(string text, int start, out string decoded)
        {
            decoded = null;
            if (start + 2 >= text.Length || text[start] != '%' || !IsHex(text[start + 1]) || !IsHex(text[start + 2])) return 0;
            int first = HexValue(text[start + 1]) * 16 + HexValue(text[start + 2]);
            int length = first < 0x80 ? 1 : first >= 0xF0 && first < 0xF8 ? 4 : first >= 0xE0 ? 3 : first >= 0xC2 && first < 0xE0 ? 2 : 0;
            if (length == 0) return 0;
            var bytes = new byte[length];
            bytes[0] = (byte)first;
            for (int k = 1; k < length; k++)
            {
                int at = start + 3 * k;
                if (at + 2 >= text.Length || text[at] != '%' || !IsHex(text[at + 1]) || !IsHex(text[at + 2])) return 0;
                int next = HexValue(text[at + 1]) * 16 + HexValue(text[at + 2]);
                if ((next & 0xC0) != 0x80) return 0;
                bytes[k] = (byte)next;
            }
            decoded = Encoding.UTF8.GetString(bytes);
            return 3 * length;
        }
    }

    public enum UriPartial
    {
        Scheme = 0,
        Authority = 1,
        Path = 2,
        Query = 3,
    }
}
