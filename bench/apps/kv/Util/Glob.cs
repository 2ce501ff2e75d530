using System;

namespace Kv.Util
{
    /// <summary>
    /// Redis's glob patterns (KEYS, SCAN MATCH, CONFIG GET): '*', '?', '[abc]', '[^a-z]', '\x' escapes,
    /// on bytes. Backtracking is bounded by matching '*' greedily from the shortest tail (one remembered
    /// star position), so a hostile pattern cannot make a match take exponential time.
    /// </summary>
    internal static class Glob
    {
        public static bool Match(ReadOnlySpan<byte> pattern, ReadOnlySpan<byte> s, bool ignoreCase = false)
        {
            // Redis's matcher never enters its loop for an empty string, so only an empty pattern matches
            // one ("*" matches it only through KEYS's and SCAN's match-everything shortcut).
            if (s.Length == 0)
                return pattern.Length == 0;
            int p = 0, i = 0, starP = -1, starI = 0;
            while (i < s.Length)
            {
                if (p < pattern.Length)
                {
                    byte c = pattern[p];
                    if (c == (byte)'*')
                    {
                        while (p < pattern.Length && pattern[p] == (byte)'*') p++;
                        if (p == pattern.Length) return true;
                        starP = p;
                        starI = i;
                        continue;
                    }
                    if (MatchOne(pattern, ref p, s[i], ignoreCase, out int after))
                    {
                        p = after;
                        i++;
                        continue;
                    }
                }
                if (starP < 0)
                    return false;
                // Let the last star swallow one more byte and retry.
                p = starP;
                i = ++starI;
            }
            while (p < pattern.Length && pattern[p] == (byte)'*') p++;
            return p == pattern.Length;
        }

        /// <summary>Whether the pattern element at <paramref name="p"/> matches <paramref name="b"/>; <paramref name="after"/> is the next element.</summary>
        private static bool MatchOne(ReadOnlySpan<byte> pattern, ref int p, byte b, bool ignoreCase, out int after)
        {
            byte c = pattern[p];
            if (c == (byte)'?')
            {
                after = p + 1;
                return true;
            }
            if (c == (byte)'[')
            {
                int q = p + 1;
                bool not = q < pattern.Length && pattern[q] == (byte)'^';
                if (not) q++;
                bool match = false;
                while (q < pattern.Length && pattern[q] != (byte)']')
                {
                    if (pattern[q] == (byte)'\\' && q + 1 < pattern.Length)
                    {
                        q++;
                        if (Same(pattern[q], b, ignoreCase)) match = true;
                        q++;
                    }
                    else if (q + 2 < pattern.Length && pattern[q + 1] == (byte)'-' && pattern[q + 2] != (byte)']')
                    {
                        byte lo = pattern[q], hi = pattern[q + 2];
                        if (lo > hi) { byte t = lo; lo = hi; hi = t; }
                        byte x = b;
                        if (ignoreCase) { x = Lower(x); lo = Lower(lo); hi = Lower(hi); }
                        if (x >= lo && x <= hi) match = true;
                        q += 3;
                    }
                    else
                    {
                        if (Same(pattern[q], b, ignoreCase)) match = true;
                        q++;
                    }
                }
                // An unterminated class ends at the pattern's end, as in Redis.
                after = q < pattern.Length ? q + 1 : q;
                return not ? !match : match;
            }
            if (c == (byte)'\\' && p + 1 < pattern.Length)
            {
                after = p + 2;
                return Same(pattern[p + 1], b, ignoreCase);
            }
            after = p + 1;
            return Same(c, b, ignoreCase);
        }

        private static bool Same(byte a, byte b, bool ignoreCase) => a == b || (ignoreCase && Lower(a) == Lower(b));

        private static byte Lower(byte b) => b >= (byte)'A' && b <= (byte)'Z' ? (byte)(b + 32) : b;
    }
}
