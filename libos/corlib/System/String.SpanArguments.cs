namespace System
{
    /// <summary>
    /// The <c>params ReadOnlySpan&lt;T&gt;</c> overloads of .NET 9 and later, which code compiled against
    /// the framework binds to (<c>string.Join(",", a, b, c)</c>). They are not <c>params</c> here, so that
    /// programs compiled against this core library keep binding to the array overloads.
    /// </summary>
    public sealed partial class String
    {
        public static string Join(string separator, ReadOnlySpan<string> value) => Join(separator, value.ToArray());

        public static string Join(string separator, ReadOnlySpan<object> values) => Join(separator, values.ToArray());

        public static string Join(char separator, ReadOnlySpan<string> value) => Join(separator, value.ToArray());

        public static string Join(char separator, ReadOnlySpan<object> values) => Join(CreateFromChar(separator), values.ToArray());

        public static string Join(char separator, params object[] values) => Join(CreateFromChar(separator), values);

        public string Trim(ReadOnlySpan<char> trimChars) => Trim(trimChars.ToArray());

        public string TrimStart(ReadOnlySpan<char> trimChars) => TrimStart(trimChars.ToArray());

        public string TrimEnd(ReadOnlySpan<char> trimChars) => TrimEnd(trimChars.ToArray());

        public static string Concat(ReadOnlySpan<char> str0, ReadOnlySpan<char> str1, ReadOnlySpan<char> str2) =>
            Concat(Concat(str0, str1).AsSpan(), str2);

        public static string Concat(ReadOnlySpan<char> str0, ReadOnlySpan<char> str1, ReadOnlySpan<char> str2, ReadOnlySpan<char> str3) =>
            Concat(Concat(str0, str1).AsSpan(), Concat(str2, str3).AsSpan());

        public string[] Split(ReadOnlySpan<char> separator) => Split(separator.ToArray());

        public static string Format(IFormatProvider provider, string format, object arg0) => Format(format, arg0);

        public static string Format(IFormatProvider provider, string format, object arg0, object arg1) => Format(format, arg0, arg1);

        public static string Format(IFormatProvider provider, string format, object arg0, object arg1, object arg2) => Format(format, arg0, arg1, arg2);

        public static string Concat(ReadOnlySpan<string> values) => Concat(values.ToArray());

        public static string Concat(ReadOnlySpan<object> args) => Concat(args.ToArray());

        public static string Format(string format, ReadOnlySpan<object> args) => Format(format, args.ToArray());

        public static string Format(IFormatProvider provider, string format, ReadOnlySpan<object> args) => Format(format, args.ToArray());
    }

    public static partial class Console
    {
        public static void WriteLine(string format, ReadOnlySpan<object> arg) => WriteLine(string.Format(format, arg.ToArray()));

        public static void Write(string format, ReadOnlySpan<object> arg) => Write(string.Format(format, arg.ToArray()));
    }
}

namespace System.Text
{
    public sealed partial class StringBuilder
    {
        public StringBuilder AppendFormat(string format, ReadOnlySpan<object> args) => AppendFormat(format, args.ToArray());

        public StringBuilder AppendJoin(string separator, ReadOnlySpan<string> values) => Append(string.Join(separator, values.ToArray()));

        public StringBuilder AppendJoin(char separator, ReadOnlySpan<string> values) => Append(string.Join(separator, values.ToArray()));

        /// <summary><c>builder.Append($"...")</c> in code compiled against the framework: the holes go straight into this builder.</summary>
        public StringBuilder Append([System.Runtime.CompilerServices.InterpolatedStringHandlerArgument("")] ref AppendInterpolatedStringHandler handler) => this;

        public StringBuilder AppendLine([System.Runtime.CompilerServices.InterpolatedStringHandlerArgument("")] ref AppendInterpolatedStringHandler handler) => AppendLine();

        [System.Runtime.CompilerServices.InterpolatedStringHandler]
        public struct AppendInterpolatedStringHandler
        {
            private readonly StringBuilder _builder;

            public AppendInterpolatedStringHandler(int literalLength, int formattedCount, StringBuilder stringBuilder) => _builder = stringBuilder;

            public AppendInterpolatedStringHandler(int literalLength, int formattedCount, StringBuilder stringBuilder, IFormatProvider provider) => _builder = stringBuilder;

            public void AppendLiteral(string value) => _builder.Append(value);

            public void AppendFormatted<T>(T value) => System.Runtime.CompilerServices.DefaultInterpolatedStringHandler.AppendFormatted(_builder, value, 0, null);

            public void AppendFormatted<T>(T value, string format) => System.Runtime.CompilerServices.DefaultInterpolatedStringHandler.AppendFormatted(_builder, value, 0, format);

            public void AppendFormatted<T>(T value, int alignment) => System.Runtime.CompilerServices.DefaultInterpolatedStringHandler.AppendFormatted(_builder, value, alignment, null);

            public void AppendFormatted<T>(T value, int alignment, string format) => System.Runtime.CompilerServices.DefaultInterpolatedStringHandler.AppendFormatted(_builder, value, alignment, format);

            public void AppendFormatted(ReadOnlySpan<char> value) => _builder.Append(value);

            public void AppendFormatted(ReadOnlySpan<char> value, int alignment = 0, string format = null) =>
                System.Runtime.CompilerServices.DefaultInterpolatedStringHandler.AppendAligned(_builder, string.Concat(value, default(ReadOnlySpan<char>)), alignment);

            public void AppendFormatted(string value) => _builder.Append(value);

            public void AppendFormatted(string value, int alignment = 0, string format = null) => System.Runtime.CompilerServices.DefaultInterpolatedStringHandler.AppendAligned(_builder, value, alignment);

            public void AppendFormatted(object value, int alignment = 0, string format = null) =>
                System.Runtime.CompilerServices.DefaultInterpolatedStringHandler.AppendFormatted(_builder, value, alignment, format);
        }
    }
}
