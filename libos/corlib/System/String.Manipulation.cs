using System.Collections.Generic;
using System.Runtime;

namespace System
{
    /// <summary>Strings built from strings: Split, Join, Replace, Trim, padding, case, Insert, Remove.</summary>
    public sealed unsafe partial class String
    {
        public string[] Split(char separator, StringSplitOptions options = StringSplitOptions.None) =>
            SplitInternal(null, CreateFromChar(separator), int.MaxValue, options);

        public string[] Split(char separator, int count, StringSplitOptions options = StringSplitOptions.None) =>
            SplitInternal(null, CreateFromChar(separator), count, options);

        public string[] Split(params char[] separator) => SplitChars(separator, int.MaxValue, StringSplitOptions.None);

        public string[] Split(char[] separator, int count) => SplitChars(separator, count, StringSplitOptions.None);

        public string[] Split(char[] separator, StringSplitOptions options) => SplitChars(separator, int.MaxValue, options);

        public string[] Split(char[] separator, int count, StringSplitOptions options) => SplitChars(separator, count, options);

        public string[] Split(string separator, StringSplitOptions options = StringSplitOptions.None) =>
            SplitInternal(null, separator ?? Empty, int.MaxValue, options);

        public string[] Split(string separator, int count, StringSplitOptions options = StringSplitOptions.None) =>
            SplitInternal(null, separator ?? Empty, count, options);

        public string[] Split(string[] separator, StringSplitOptions options) => SplitInternal(separator, null, int.MaxValue, options);

        public string[] Split(string[] separator, int count, StringSplitOptions options) => SplitInternal(separator, null, count, options);

        /// <summary>Each char is a one-char separator; none at all means white space, as in .NET.</summary>
        private string[] SplitChars(char[] separator, int count, StringSplitOptions options)
        {
            string[] separators = null;
            if (separator != null && separator.Length > 0)
            {
                separators = new string[separator.Length];
                for (int i = 0; i < separator.Length; i++) separators[i] = CreateFromChar(separator[i]);
            }
            return SplitInternal(separators, null, count, options);
        }

        /// <summary>
        /// .NET's SplitInternal: one separator string, or a list (the first that matches at a position
        /// wins), or white space when the list is null or empty; then the split with or without
        /// post-processing (trimming, removing empty entries), exactly as .NET lays out the results.
        /// </summary>
        private string[] SplitInternal(string[] separators, string separator, int count, StringSplitOptions options)
        {
            if (count < 0) ThrowHelpers.ThrowNegativeArgument(nameof(count), count);
            if ((uint)options > (uint)(StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                ThrowHelpers.ThrowArgument(nameof(options), "Value of flags is invalid.");
            bool whiteSpace = separator == null && (separators == null || separators.Length == 0);
            if (count <= 1 || _stringLength == 0 || (separator != null && separator._stringLength == 0))
                return SoleValue(options, count);
            var starts = new List<int>();
            var lengths = new List<int>();
            if (!whiteSpace && SingleCharSeparators(separators, separator, out char c0, out char c1, out char c2))
            {
                // Separators of one char each, at most three: a vectorised search from match to match.
                for (int i = 0; ; )
                {
                    int found = SpanHelpers.IndexOfAnyChar(GetCharPointer() + i, _stringLength - i, c0, c1, c2);
                    if (found < 0) break;
                    starts.Add(i + found);
                    lengths.Add(1);
                    i += found + 1;
                }
            }
            else for (int i = 0; i < _stringLength; i++)
            {
                int matched = 0;
                if (whiteSpace)
                {
                    if (char.IsWhiteSpace(GetCharPointer()[i])) matched = 1;
                }
                else if (separator != null)
                {
                    if (separator._stringLength <= _stringLength - i && MatchesAt(i, separator, false)) matched = separator._stringLength;
                }
                else
                {
                    for (int k = 0; k < separators.Length; k++)
                    {
                        string s = separators[k];
                        if (IsNullOrEmpty(s) || s._stringLength > _stringLength - i) continue;
                        if (MatchesAt(i, s, false)) { matched = s._stringLength; break; }
                    }
                }
                if (matched > 0)
                {
                    starts.Add(i);
                    lengths.Add(matched);
                    i += matched - 1;
                }
            }
            if (starts.Count == 0) return SoleValue(options, count);
            return options == StringSplitOptions.None ? SplitWithoutPostProcessing(starts, lengths, count) : SplitWithPostProcessing(starts, lengths, count, options);
        }

        /// <summary>The one to three chars of separators that are all one char long (empty ones never match).</summary>
        private static bool SingleCharSeparators(string[] separators, string separator, out char c0, out char c1, out char c2)
        {
            c0 = c1 = c2 = '\0';
            if (separator != null)
            {
                if (separator._stringLength != 1) return false;
                c0 = c1 = c2 = separator._firstChar;
                return true;
            }
            int n = 0;
            for (int k = 0; k < separators.Length; k++)
            {
                string s = separators[k];
                if (IsNullOrEmpty(s)) continue;
                if (s._stringLength != 1 || n == 3) return false;
                if (n == 0) c0 = c1 = c2 = s._firstChar;
                else if (n == 1) c1 = c2 = s._firstChar;
                else c2 = s._firstChar;
                n++;
            }
            return n > 0;
        }

        private string[] SoleValue(StringSplitOptions options, int count)
        {
            if (count != 0)
            {
                string candidate = this;
                if ((options & StringSplitOptions.TrimEntries) != 0) candidate = candidate.Trim();
                if ((options & StringSplitOptions.RemoveEmptyEntries) == 0 || candidate._stringLength != 0) return new string[] { candidate };
            }
            return Array.Empty<string>();
        }

        private string[] SplitWithoutPostProcessing(List<int> starts, List<int> lengths, int count)
        {
            int current = 0, index = 0;
            count--;
            int replaces = starts.Count < count ? starts.Count : count;
            string[] result = new string[replaces + 1];
            for (int i = 0; i < replaces && current < _stringLength; i++)
            {
                result[index++] = Substring(current, starts[i] - current);
                current = starts[i] + lengths[i];
            }
            if (current < _stringLength && replaces >= 0) result[index] = Substring(current);
            else if (index == replaces) result[index] = Empty;
            return result;
        }

        private string[] SplitWithPostProcessing(List<int> starts, List<int> lengths, int count, StringSplitOptions options)
        {
            bool trim = (options & StringSplitOptions.TrimEntries) != 0;
            bool removeEmpty = (options & StringSplitOptions.RemoveEmptyEntries) != 0;
            int replaces = starts.Count;
            string[] result = new string[replaces < count ? replaces + 1 : count];
            int current = 0, index = 0;
            for (int i = 0; i < replaces; i++)
            {
                string entry = Substring(current, starts[i] - current);
                if (trim) entry = entry.Trim();
                if (entry._stringLength != 0 || !removeEmpty) result[index++] = entry;
                current = starts[i] + lengths[i];
                if (index == count - 1)
                {
                    if (removeEmpty)
                    {
                        while (++i < replaces)
                        {
                            entry = Substring(current, starts[i] - current);
                            if (trim) entry = entry.Trim();
                            if (entry._stringLength != 0) break;
                            current = starts[i] + lengths[i];
                        }
                    }
                    break;
                }
            }
            string last = Substring(current);
            if (trim) last = last.Trim();
            if (last._stringLength != 0 || !removeEmpty) result[index++] = last;
            Array.Resize(ref result, index);
            return result;
        }

        public static string Join(string separator, params string[] value)
        {
            if (value == null) ThrowHelpers.ThrowArgumentNull(nameof(value));
            return JoinCore(separator, value, 0, value.Length);
        }

        public static string Join(char separator, params string[] value)
        {
            if (value == null) ThrowHelpers.ThrowArgumentNull(nameof(value));
            return JoinCore(CreateFromChar(separator), value, 0, value.Length);
        }

        public static string Join(string separator, string[] value, int startIndex, int count)
        {
            if (value == null) ThrowHelpers.ThrowArgumentNull(nameof(value));
            if (startIndex < 0) ThrowHelpers.ThrowArgumentOutOfRange(nameof(startIndex), "Non-negative number required.");
            if (count < 0) ThrowHelpers.ThrowArgumentOutOfRange(nameof(count), "Non-negative number required.");
            if (startIndex > value.Length - count) ThrowHelpers.ThrowArgumentOutOfRange(nameof(startIndex), "Index and count must refer to a location within the buffer.");
            return JoinCore(separator, value, startIndex, count);
        }

        public static string Join(string separator, params object[] values)
        {
            if (values == null) ThrowHelpers.ThrowArgumentNull(nameof(values));
            string[] texts = new string[values.Length];
            for (int i = 0; i < values.Length; i++) texts[i] = values[i]?.ToString();
            return JoinCore(separator, texts, 0, texts.Length);
        }

        public static string Join(string separator, IEnumerable<string> values)
        {
            if (values == null) ThrowHelpers.ThrowArgumentNull(nameof(values));
            if (values is string[] array) return JoinCore(separator, array, 0, array.Length);
            var list = new List<string>();
            foreach (string s in values) list.Add(s);
            return JoinCore(separator, list._items, 0, list._size);
        }

        public static string Join<T>(string separator, IEnumerable<T> values)
        {
            if (values == null) ThrowHelpers.ThrowArgumentNull(nameof(values));
            var texts = new List<string>();
            foreach (T value in values) texts.Add(value?.ToString());
            return JoinCore(separator, texts._items, 0, texts._size);
        }

        public static string Join<T>(char separator, IEnumerable<T> values) => Join(CreateFromChar(separator), values);

        private static string JoinCore(string separator, string[] values, int start, int count)
        {
            if (count == 0) return Empty;
            separator ??= Empty;
            int length = separator._stringLength * (count - 1);
            for (int i = start; i < start + count; i++)
            {
                if (values[i] != null) length += values[i]._stringLength;
            }
            string result = RuntimeIntrinsics.AllocateString(length);
            char* p = result.GetCharPointer();
            for (int i = start; i < start + count; i++)
            {
                if (i > start) p = Append(p, separator);
                if (values[i] != null) p = Append(p, values[i]);
            }
            return result;
        }

        private static char* Append(char* destination, string text)
        {
            Memory.Copy(destination, text.GetCharPointer(), (nuint)text._stringLength * sizeof(char));
            return destination + text._stringLength;
        }

        public string Replace(char oldChar, char newChar)
        {
            int first = IndexOf(oldChar);
            if (first < 0) return this;
            string result = CreateFromChars(GetCharPointer(), _stringLength);
            char* p = result.GetCharPointer();
            for (int i = first; i < _stringLength; i++)
            {
                if (p[i] == oldChar) p[i] = newChar;
            }
            return result;
        }

        public string Replace(string oldValue, string newValue)
        {
            if (oldValue == null) ThrowHelpers.ThrowArgumentNull(nameof(oldValue));
            if (oldValue._stringLength == 0) ThrowHelpers.ThrowArgument(nameof(oldValue), "The value cannot be an empty string.");
            newValue ??= Empty;
            var positions = new List<int>();
            int i = 0;
            while ((i = IndexOfOrdinal(oldValue, i, _stringLength - i, false)) >= 0)
            {
                positions.Add(i);
                i += oldValue._stringLength;
            }
            if (positions.Count == 0) return this;
            string result = RuntimeIntrinsics.AllocateString(_stringLength + positions.Count * (newValue._stringLength - oldValue._stringLength));
            char* p = result.GetCharPointer();
            int from = 0;
            for (int k = 0; k < positions.Count; k++)
            {
                int at = positions[k];
                Memory.Copy(p, GetCharPointer() + from, (nuint)(at - from) * sizeof(char));
                p += at - from;
                p = Append(p, newValue);
                from = at + oldValue._stringLength;
            }
            Memory.Copy(p, GetCharPointer() + from, (nuint)(_stringLength - from) * sizeof(char));
            return result;
        }

        public string Trim() => TrimCore(null, true, true);

        public string Trim(char trimChar) => TrimCore(new char[] { trimChar }, true, true);

        public string Trim(params char[] trimChars) => TrimCore(trimChars, true, true);

        public string TrimStart() => TrimCore(null, true, false);

        public string TrimStart(char trimChar) => TrimCore(new char[] { trimChar }, true, false);

        public string TrimStart(params char[] trimChars) => TrimCore(trimChars, true, false);

        public string TrimEnd() => TrimCore(null, false, true);

        public string TrimEnd(char trimChar) => TrimCore(new char[] { trimChar }, false, true);

        public string TrimEnd(params char[] trimChars) => TrimCore(trimChars, false, true);

        /// <summary>No characters to trim (null or empty) means white space, as in .NET.</summary>
        private string TrimCore(char[] trimChars, bool start, bool end)
        {
            char* p = GetCharPointer();
            int first = 0, last = _stringLength - 1;
            if (start) while (first <= last && IsTrimmed(p[first], trimChars)) first++;
            if (end) while (last >= first && IsTrimmed(p[last], trimChars)) last--;
            int length = last - first + 1;
            if (length == _stringLength) return this;
            return CreateFromChars(p + first, length);
        }

        private static bool IsTrimmed(char c, char[] trimChars) =>
            trimChars == null || trimChars.Length == 0 ? char.IsWhiteSpace(c) : Array.IndexOfCore(trimChars, c, 0, trimChars.Length) >= 0;

        public string PadLeft(int totalWidth) => Pad(totalWidth, ' ', true);

        public string PadLeft(int totalWidth, char paddingChar) => Pad(totalWidth, paddingChar, true);

        public string PadRight(int totalWidth) => Pad(totalWidth, ' ', false);

        public string PadRight(int totalWidth, char paddingChar) => Pad(totalWidth, paddingChar, false);

        private string Pad(int totalWidth, char paddingChar, bool left)
        {
            if (totalWidth < 0) ThrowHelpers.ThrowNegativeArgument(nameof(totalWidth), totalWidth);
            int padding = totalWidth - _stringLength;
            if (padding <= 0) return this;
            string result = RuntimeIntrinsics.AllocateString(totalWidth);
            char* p = result.GetCharPointer();
            int textAt = left ? padding : 0;
            int padAt = left ? 0 : _stringLength;
            for (int i = 0; i < padding; i++) p[padAt + i] = paddingChar;
            Memory.Copy(p + textAt, GetCharPointer(), (nuint)_stringLength * sizeof(char));
            return result;
        }

        public string ToUpperInvariant() => MapCase(true);

        public string ToLowerInvariant() => MapCase(false);

        public string ToUpper() => MapCase(true);

        public string ToLower() => MapCase(false);

        /// <summary>Invariant simple case mapping of every char, and of every surrogate pair as one code point (as .NET does).</summary>
        private string MapCase(bool upper)
        {
            char* p = GetCharPointer();
            int i = 0;
            while (i < _stringLength && !char.IsSurrogate(p[i]) && (upper ? char.ToUpperInvariant(p[i]) : char.ToLowerInvariant(p[i])) == p[i]) i++;
            if (i == _stringLength) return this;
            string result = CreateFromChars(p, _stringLength);
            char* q = result.GetCharPointer();
            for (; i < _stringLength; i++)
            {
                if (char.IsHighSurrogate(q[i]) && i + 1 < _stringLength && char.IsLowSurrogate(q[i + 1]))
                {
                    int codePoint = char.ConvertToUtf32(q[i], q[i + 1]);
                    int mapped = upper ? Testbed.Runtime.UnicodeData.ToUpper(codePoint) : Testbed.Runtime.UnicodeData.ToLower(codePoint);
                    if (mapped != codePoint)
                    {
                        mapped -= 0x10000;
                        q[i] = (char)(0xD800 + (mapped >> 10));
                        q[i + 1] = (char)(0xDC00 + (mapped & 0x3FF));
                    }
                    i++;
                    continue;
                }
                q[i] = upper ? char.ToUpperInvariant(q[i]) : char.ToLowerInvariant(q[i]);
            }
            return result;
        }

        public string Insert(int startIndex, string value)
        {
            if (value == null) ThrowHelpers.ThrowArgumentNull(nameof(value));
            if (startIndex < 0) ThrowHelpers.ThrowNegativeArgument(nameof(startIndex), startIndex);
            if (startIndex > _stringLength) ThrowHelpers.ThrowGreaterThan(nameof(startIndex), startIndex, _stringLength);
            if (value._stringLength == 0) return this;
            string result = RuntimeIntrinsics.AllocateString(_stringLength + value._stringLength);
            char* p = result.GetCharPointer();
            Memory.Copy(p, GetCharPointer(), (nuint)startIndex * sizeof(char));
            p = Append(p + startIndex, value);
            Memory.Copy(p, GetCharPointer() + startIndex, (nuint)(_stringLength - startIndex) * sizeof(char));
            return result;
        }

        public string Remove(int startIndex)
        {
            if (startIndex < 0) ThrowHelpers.ThrowNegativeArgument(nameof(startIndex), startIndex);
            if (startIndex > _stringLength) ThrowHelpers.ThrowArgumentOutOfRange(nameof(startIndex), "startIndex cannot be larger than length of string.");
            return Substring(0, startIndex);
        }

        public string Remove(int startIndex, int count)
        {
            if (startIndex < 0) ThrowHelpers.ThrowNegativeArgument(nameof(startIndex), startIndex);
            if (count < 0) ThrowHelpers.ThrowNegativeArgument(nameof(count), count);
            if (count > _stringLength - startIndex) ThrowHelpers.ThrowGreaterThan(nameof(count), count, _stringLength - startIndex);
            if (count == 0) return this;
            string result = RuntimeIntrinsics.AllocateString(_stringLength - count);
            char* p = result.GetCharPointer();
            Memory.Copy(p, GetCharPointer(), (nuint)startIndex * sizeof(char));
            Memory.Copy(p + startIndex, GetCharPointer() + startIndex + count, (nuint)(_stringLength - startIndex - count) * sizeof(char));
            return result;
        }

        public char[] ToCharArray()
        {
            char[] result = new char[_stringLength];
            for (int i = 0; i < _stringLength; i++) result[i] = GetCharPointer()[i];
            return result;
        }

        public char[] ToCharArray(int startIndex, int length)
        {
            if ((uint)startIndex > (uint)_stringLength || startIndex > _stringLength - length)
                ThrowHelpers.ThrowArgumentOutOfRange(nameof(startIndex), "Index was out of range. Must be non-negative and less than the size of the collection.");
            if (length < 0) ThrowHelpers.ThrowArgumentOutOfRange(nameof(length), "Index was out of range. Must be non-negative and less than the size of the collection.");
            char[] result = new char[length];
            for (int i = 0; i < length; i++) result[i] = GetCharPointer()[startIndex + i];
            return result;
        }

        public static string Concat(object arg0) => arg0 == null ? Empty : arg0.ToString() ?? Empty;

        public static string Concat(object arg0, object arg1) => Concat(arg0?.ToString(), arg1?.ToString());

        public static string Concat(object arg0, object arg1, object arg2) => Concat(arg0?.ToString(), arg1?.ToString(), arg2?.ToString());

        public static string Concat(params object[] args)
        {
            if (args == null) ThrowHelpers.ThrowArgumentNull(nameof(args));
            string[] texts = new string[args.Length];
            for (int i = 0; i < args.Length; i++) texts[i] = args[i]?.ToString();
            return JoinCore(Empty, texts, 0, texts.Length);
        }

        public static string Concat(IEnumerable<string> values) => Join(Empty, values);

        public static string Concat(ReadOnlySpan<char> str0, ReadOnlySpan<char> str1)
        {
            string result = RuntimeIntrinsics.AllocateString(str0.Length + str1.Length);
            char* p = result.GetCharPointer();
            for (int i = 0; i < str0.Length; i++) p[i] = str0[i];
            for (int i = 0; i < str1.Length; i++) p[str0.Length + i] = str1[i];
            return result;
        }
    }
}
