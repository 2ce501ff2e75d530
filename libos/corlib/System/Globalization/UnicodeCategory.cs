namespace System.Globalization
{
    public enum UnicodeCategory
    {
        UppercaseLetter = 0,
        LowercaseLetter = 1,
        TitlecaseLetter = 2,
        ModifierLetter = 3,
        OtherLetter = 4,
        NonSpacingMark = 5,
        SpacingCombiningMark = 6,
        EnclosingMark = 7,
        DecimalDigitNumber = 8,
        LetterNumber = 9,
        OtherNumber = 10,
        SpaceSeparator = 11,
        LineSeparator = 12,
        ParagraphSeparator = 13,
        Control = 14,
        Format = 15,
        Surrogate = 16,
        PrivateUse = 17,
        ConnectorPunctuation = 18,
        DashPunctuation = 19,
        OpenPunctuation = 20,
        ClosePunctuation = 21,
        InitialQuotePunctuation = 22,
        FinalQuotePunctuation = 23,
        OtherPunctuation = 24,
        MathSymbol = 25,
        CurrencySymbol = 26,
        ModifierSymbol = 27,
        OtherSymbol = 28,
        OtherNotAssigned = 29,
    }

    public static class CharUnicodeInfo
    {
        public static UnicodeCategory GetUnicodeCategory(char ch) => Testbed.Runtime.UnicodeData.Category(ch);

        public static UnicodeCategory GetUnicodeCategory(int codePoint) => Testbed.Runtime.UnicodeData.Category(codePoint);

        public static UnicodeCategory GetUnicodeCategory(string s, int index)
        {
            if (s == null) System.Runtime.ThrowHelpers.ThrowArgumentNull(nameof(s));
            if ((uint)index >= (uint)s.Length) System.Runtime.ThrowHelpers.ThrowArgumentOutOfRange(nameof(index));
            return Testbed.Runtime.UnicodeData.Category(s, index);
        }
    }
}
