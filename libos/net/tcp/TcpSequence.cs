namespace Testbed.LibOS.Net.Tcp
{
    /// <summary>
    /// Sequence-number comparisons modulo 2^32 (RFC 9293, section 3.4): a is before b when the signed
    /// distance from b to a is negative, which holds as long as the two are within 2^31 of each other.
    /// </summary>
    internal static class Seq
    {
        public static bool Lt(uint a, uint b) => (int)(a - b) < 0;
        public static bool Le(uint a, uint b) => (int)(a - b) <= 0;
        public static bool Gt(uint a, uint b) => (int)(a - b) > 0;
        public static bool Ge(uint a, uint b) => (int)(a - b) >= 0;
        public static uint Max(uint a, uint b) => (int)(a - b) >= 0 ? a : b;
        public static uint Min(uint a, uint b) => (int)(a - b) <= 0 ? a : b;
    }
}
