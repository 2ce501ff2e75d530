using System.Globalization;

namespace Testbed.Runtime
{
    /// <summary>
    /// Unicode general categories and simple case mappings for every code point, from the tables in
    /// UnicodeData.Tables.cs (generated from .NET's own data: tools/generate-unicode-tables.cs). Blocks
    /// of 256 code points that are alike are stored once; an index per block picks the copy.
    /// </summary>
    internal static partial class UnicodeData
    {
        private const int BlockShift = 8;
        private const int BlockMask = 0xFF;

        public static UnicodeCategory Category(int codePoint)
        {
            if ((uint)codePoint > 0x10FFFF) return UnicodeCategory.OtherNotAssigned;
            return (UnicodeCategory)CategoryBlocks[(CategoryIndex[codePoint >> BlockShift] << BlockShift) | (codePoint & BlockMask)];
        }

        /// <summary>The category at <paramref name="index"/>, of the surrogate pair that starts there if there is one (as .NET reads strings).</summary>
        public static UnicodeCategory Category(string s, int index)
        {
            char c = s[index];
            if (char.IsHighSurrogate(c) && index + 1 < s.Length && char.IsLowSurrogate(s[index + 1]))
                return Category(char.ConvertToUtf32(c, s[index + 1]));
            return Category(c);
        }

        public static char ToUpper(char c) => (char)(c + UpperBlocks[(UpperIndex[c >> BlockShift] << BlockShift) | (c & BlockMask)]);

        public static char ToLower(char c) => (char)(c + LowerBlocks[(LowerIndex[c >> BlockShift] << BlockShift) | (c & BlockMask)]);

        public static int ToUpper(int codePoint) => Lookup(SupplementaryUpperFrom, SupplementaryUpperTo, codePoint);

        public static int ToLower(int codePoint) => Lookup(SupplementaryLowerFrom, SupplementaryLowerTo, codePoint);

        private static int Lookup(int[] from, int[] to, int codePoint)
        {
            int low = 0, high = from.Length - 1;
            while (low <= high)
            {
                int middle = (low + high) >> 1;
                if (from[middle] == codePoint) return to[middle];
                if (from[middle] < codePoint) low = middle + 1; else high = middle - 1;
            }
            return codePoint;
        }
    }
}
