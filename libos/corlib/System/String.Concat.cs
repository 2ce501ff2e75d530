using System.Runtime;

namespace System
{
    public sealed unsafe partial class String
    {
        // A null operand counts as "", as in .NET; concatenating with "" returns the other operand
        // itself rather than a copy, which .NET also does and programs can observe by reference.

        public static string Concat(string str0, string str1)
        {
            if (IsNullOrEmpty(str0))
                return IsNullOrEmpty(str1) ? Empty : str1;
            if (IsNullOrEmpty(str1))
                return str0;
            string result = RuntimeIntrinsics.AllocateString(str0._stringLength + str1._stringLength);
            int at = 0;
            AppendInto(result, ref at, str0);
            AppendInto(result, ref at, str1);
            return result;
        }

        public static string Concat(string str0, string str1, string str2)
        {
            if (IsNullOrEmpty(str0))
                return Concat(str1, str2);
            if (IsNullOrEmpty(str1))
                return Concat(str0, str2);
            if (IsNullOrEmpty(str2))
                return Concat(str0, str1);
            string result = RuntimeIntrinsics.AllocateString(str0._stringLength + str1._stringLength + str2._stringLength);
            int at = 0;
            AppendInto(result, ref at, str0);
            AppendInto(result, ref at, str1);
            AppendInto(result, ref at, str2);
            return result;
        }

        public static string Concat(string str0, string str1, string str2, string str3)
        {
            if (IsNullOrEmpty(str0))
                return Concat(str1, str2, str3);
            if (IsNullOrEmpty(str1))
                return Concat(str0, str2, str3);
            if (IsNullOrEmpty(str2))
                return Concat(str0, str1, str3);
            if (IsNullOrEmpty(str3))
                return Concat(str0, str1, str2);
            string result = RuntimeIntrinsics.AllocateString(
                str0._stringLength + str1._stringLength + str2._stringLength + str3._stringLength);
            int at = 0;
            AppendInto(result, ref at, str0);
            AppendInto(result, ref at, str1);
            AppendInto(result, ref at, str2);
            AppendInto(result, ref at, str3);
            return result;
        }

        /// <summary>What C# emits for five or more operands.</summary>
        public static string Concat(params string[] values)
        {
            if (values == null)
                ThrowHelpers.ThrowArgumentNull(nameof(values));
            int length = 0;
            for (int i = 0; i < values.Length; i++)
            {
                if (values[i] != null)
                    length += values[i]._stringLength;
            }
            if (length == 0)
                return Empty;
            string result = RuntimeIntrinsics.AllocateString(length);
            int at = 0;
            for (int i = 0; i < values.Length; i++)
                AppendInto(result, ref at, values[i]);
            return result;
        }

        private static void AppendInto(string destination, ref int at, string source)
        {
            if (source == null)
                return;
            Memory.Copy(destination.GetCharPointer() + at, source.GetCharPointer(), (nuint)source._stringLength * sizeof(char));
            at += source._stringLength;
        }
    }
}
