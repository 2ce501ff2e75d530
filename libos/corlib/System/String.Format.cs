using System.Runtime;
using System.Text;

namespace System
{
    /// <summary>Composite formatting: "{index[,alignment][:format]}" with "{{" and "}}" escapes.</summary>
    public sealed partial class String
    {
        public static string Format(string format, object arg0) => FormatCore(format, new object[] { arg0 });

        public static string Format(string format, object arg0, object arg1) => FormatCore(format, new object[] { arg0, arg1 });

        public static string Format(string format, object arg0, object arg1, object arg2) => FormatCore(format, new object[] { arg0, arg1, arg2 });

        public static string Format(string format, params object[] args)
        {
            if (args == null) ThrowHelpers.ThrowArgumentNull(format == null ? nameof(format) : nameof(args));
            return FormatCore(format, args);
        }

        public static string Format(IFormatProvider provider, string format, params object[] args) => Format(format, args);

        private static string FormatCore(string format, object[] args)
        {
            var builder = new StringBuilder(format == null ? 16 : format.Length + 8 * args.Length);
            AppendComposite(builder, format, args);
            return builder.ToString();
        }

        /// <summary>
        /// .NET's parser, simplified to the shapes that format correctly: anything malformed throws
        /// FormatException; an index past the arguments throws .NET's message for it.
        /// </summary>
        internal static void AppendComposite(StringBuilder builder, string format, object[] args)
        {
            if (format == null) ThrowHelpers.ThrowArgumentNull(nameof(format));
            int i = 0, n = format.Length;
            while (i < n)
            {
                char c = format[i++];
                if (c == '}')
                {
                    if (i < n && format[i] == '}') { builder.Append('}'); i++; continue; }
                    ThrowFormatError(i - 1, "Unexpected closing brace without a corresponding opening brace.");
                }
                if (c != '{')
                {
                    builder.Append(c);
                    continue;
                }
                if (i < n && format[i] == '{') { builder.Append('{'); i++; continue; }
                int start = i - 1;
                if (i >= n || !char.IsAsciiDigit(format[i])) ThrowFormatError(i, "Expected an ASCII digit.");
                int index = 0;
                while (i < n && char.IsAsciiDigit(format[i]))
                {
                    index = index * 10 + (format[i++] - '0');
                    if (index >= 1_000_000) ThrowFormatError(i, "Expected an ASCII digit.");
                }
                while (i < n && format[i] == ' ') i++;
                int width = 0;
                bool leftAlign = false;
                if (i < n && format[i] == ',')
                {
                    i++;
                    while (i < n && format[i] == ' ') i++;
                    if (i < n && format[i] == '-') { leftAlign = true; i++; }
                    if (i >= n || !char.IsAsciiDigit(format[i])) ThrowFormatError(i, "Expected an ASCII digit.");
                    while (i < n && char.IsAsciiDigit(format[i]))
                    {
                        width = width * 10 + (format[i++] - '0');
                        if (width >= 1_000_000) ThrowFormatError(i, "Expected an ASCII digit.");
                    }
                    while (i < n && format[i] == ' ') i++;
                }
                string itemFormat = null;
                if (i < n && format[i] == ':')
                {
                    int formatStart = ++i;
                    while (i < n && format[i] != '}')
                    {
                        if (format[i] == '{') ThrowFormatError(i, "Unexpected opening brace inside a format item.");
                        i++;
                    }
                    if (i > formatStart) itemFormat = format.Substring(formatStart, i - formatStart);
                }
                if (i >= n || format[i] != '}') ThrowFormatError(i, "Expected '}'.");
                i++;
                if (index >= args.Length)
                    throw new FormatException("Index (zero based) must be greater than or equal to zero and less than the size of the argument list.");
                object arg = args[index];
                string text = arg is IFormattable formattable ? formattable.ToString(itemFormat, null) : arg?.ToString();
                text ??= Empty;
                int pad = width - text.Length;
                if (!leftAlign && pad > 0) builder.Append(' ', pad);
                builder.Append(text);
                if (leftAlign && pad > 0) builder.Append(' ', pad);
            }
        }

        private static void ThrowFormatError(int offset, string reason) =>
            throw new FormatException("Input string was not in a correct format. Failure to parse near offset " + Number.Int64ToString(offset) + ". " + reason);
    }
}
