using System.Collections.Generic;
using System.Text;

namespace System.Runtime.CompilerServices
{
    [AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct, AllowMultiple = false, Inherited = false)]
    public sealed class InterpolatedStringHandlerAttribute : Attribute
    {
        public InterpolatedStringHandlerAttribute() { }
    }

    [AttributeUsage(AttributeTargets.Parameter, AllowMultiple = false, Inherited = false)]
    public sealed class InterpolatedStringHandlerArgumentAttribute : Attribute
    {
        public InterpolatedStringHandlerArgumentAttribute(string argument) { Arguments = new string[] { argument }; }
        public InterpolatedStringHandlerArgumentAttribute(params string[] arguments) { Arguments = arguments; }
        public string[] Arguments { get; }
    }

    /// <summary>
    /// What C# lowers <c>$"..."</c> to. Each hole is formatted as .NET does: through IFormattable
    /// with the hole's format when the value implements it, else ToString(); null is empty; a
    /// positive alignment pads on the left, a negative one on the right.
    /// </summary>
    [InterpolatedStringHandler]
    public ref struct DefaultInterpolatedStringHandler
    {
        private StringBuilder _builder;

        public DefaultInterpolatedStringHandler(int literalLength, int formattedCount)
        {
            _builder = new StringBuilder(literalLength + formattedCount * 11);
        }

        public DefaultInterpolatedStringHandler(int literalLength, int formattedCount, IFormatProvider provider)
            : this(literalLength, formattedCount) { }

        public void AppendLiteral(string value) => _builder.Append(value);

        public void AppendFormatted<T>(T value) => AppendFormatted(value, 0, null);

        public void AppendFormatted<T>(T value, string format) => AppendFormatted(value, 0, format);

        public void AppendFormatted<T>(T value, int alignment) => AppendFormatted(value, alignment, null);

        public void AppendFormatted<T>(T value, int alignment, string format) => AppendFormatted(_builder, value, alignment, format);

        public void AppendFormatted(string value) => _builder.Append(value);

        public void AppendFormatted(string value, int alignment = 0, string format = null) => AppendAligned(_builder, value, alignment);

        public void AppendFormatted(object value, int alignment = 0, string format = null) => AppendFormatted<object>(value, alignment, format);

        public void AppendFormatted(ReadOnlySpan<char> value) => _builder.Append(value);

        public void AppendFormatted(ReadOnlySpan<char> value, int alignment = 0, string format = null) => AppendAligned(_builder, string.Concat(value, default(ReadOnlySpan<char>)), alignment);

        /// <summary>One hole, as every interpolated string handler formats it (this one and StringBuilder's).</summary>
        internal static void AppendFormatted<T>(StringBuilder builder, T value, int alignment, string format)
        {
            string text;
            if (!TypeTraits<T>.IsValueType && value == null) text = null;
            else if (value is IFormattable formattable) text = formattable.ToString(format, null);
            else text = value.ToString();
            AppendAligned(builder, text, alignment);
        }

        internal static void AppendAligned(StringBuilder builder, string text, int alignment)
        {
            int length = text == null ? 0 : text.Length;
            bool left = alignment < 0;
            int width = left ? -alignment : alignment;
            if (!left && width > length) builder.Append(' ', width - length);
            builder.Append(text);
            if (left && width > length) builder.Append(' ', width - length);
        }

        public override string ToString() => _builder.ToString();

        public string ToStringAndClear()
        {
            string result = _builder.ToString();
            _builder = null;
            return result;
        }
    }
}
