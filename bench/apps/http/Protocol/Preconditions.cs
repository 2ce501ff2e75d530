using System;
using Http.Content;

namespace Http.Protocol
{
    /// <summary>
    /// Conditional requests (RFC 9110 §13) and a single byte range (§14), evaluated on the request's slices.
    /// Multiple ranges are answered with the whole file (a server may ignore Range, §14.2), as is any Range
    /// that does not parse, a Range on HEAD, or a repeated conditional field.
    /// </summary>
    internal static class Preconditions
    {
        /// <summary>If-None-Match (weak comparison, "*" matches) or, without it, If-Modified-Since: true for 304.</summary>
        public static bool NotModified(byte[] b, Request r, StaticFile file)
        {
            if (r.Repeated) return false;
            if (r.IfNoneMatch.Present)
                return MatchesAny(b, r.IfNoneMatch, file.ETag, weak: true);
            if (r.IfModifiedSince.Present)
            {
                long since = HttpDate.Parse(new ReadOnlySpan<byte>(b, r.IfModifiedSince.Start, r.IfModifiedSince.Length));
                return since >= 0 && file.Modified <= since;
            }
            return false;
        }

        public enum RangeResult { Whole, Partial, Unsatisfiable }

        /// <summary>Evaluates Range (with If-Range) for a GET of <paramref name="file"/>; Partial sets [first, last].</summary>
        public static RangeResult Range(byte[] b, Request r, StaticFile file, out long first, out long last)
        {
            first = 0;
            last = -1;
            if (!r.Range.Present || r.Repeated || r.Method != Method.Get) return RangeResult.Whole;
            if (r.IfRange.Present && !IfRangeHolds(b, r.IfRange, file)) return RangeResult.Whole;
            int i = r.Range.Start, end = r.Range.Start + r.Range.Length;
            if (end - i < 7 || !RequestParser.IsName(b, i, i + 6, "bytes=")) return RangeResult.Whole;
            i += 6;
            for (int j = i; j < end; j++)
                if (b[j] == ',') return RangeResult.Whole;
            while (i < end && (b[i] == ' ' || b[i] == '\t')) i++;
            long length = file.Body.Length;
            long a = Number(b, ref i, end);
            if (i >= end || b[i] != '-') return RangeResult.Whole;
            i++;
            long z = Number(b, ref i, end);
            while (i < end && (b[i] == ' ' || b[i] == '\t')) i++;
            if (i != end) return RangeResult.Whole;
            if (a < 0)
            {
                // Suffix range "-n": the last n bytes.
                if (z < 0) return RangeResult.Whole;
                if (z == 0 || length == 0) return RangeResult.Unsatisfiable;
                first = Math.Max(0, length - z);
                last = length - 1;
                return RangeResult.Partial;
            }
            if (z >= 0 && z < a) return RangeResult.Whole;
            if (a >= length) return RangeResult.Unsatisfiable;
            first = a;
            last = z < 0 || z >= length ? length - 1 : z;
            return RangeResult.Partial;
        }

        /// <summary>If-Range: an entity-tag must match strongly; a date must equal Last-Modified exactly (§13.1.5).</summary>
        private static bool IfRangeHolds(byte[] b, Slice value, StaticFile file)
        {
            var v = new ReadOnlySpan<byte>(b, value.Start, value.Length);
            if (v.Length > 0 && (v[0] == '"' || v[0] == 'W'))
                return v.SequenceEqual(file.ETag);
            return HttpDate.Parse(v) == file.Modified;
        }

        /// <summary>Whether a comma-separated list of entity-tags (or "*") contains <paramref name="etag"/>.</summary>
        private static bool MatchesAny(byte[] b, Slice list, byte[] etag, bool weak)
        {
            int i = list.Start, end = list.Start + list.Length;
            while (i < end)
            {
                while (i < end && (b[i] == ' ' || b[i] == '\t' || b[i] == ',')) i++;
                if (i == end) break;
                if (b[i] == '*') return true;
                int tagStart = i;
                if (weak && i + 1 < end && b[i] == 'W' && b[i + 1] == '/') tagStart = i += 2;
                if (i >= end || b[i] != '"') return false;
                i++;
                while (i < end && b[i] != '"') i++;
                if (i == end) return false;
                i++;
                if (new ReadOnlySpan<byte>(b, tagStart, i - tagStart).SequenceEqual(etag)) return true;
            }
            return false;
        }

        /// <summary>Decimal digits at <paramref name="i"/>, saturating at 10^18 (beyond any file); -1 when there are none.</summary>
        private static long Number(byte[] b, ref int i, int end)
        {
            int start = i;
            long n = 0;
            while (i < end && RequestParser.IsDigit(b[i]))
            {
                n = n < 100_000_000_000_000_000L ? n * 10 + (b[i] - '0') : 1_000_000_000_000_000_000L;
                i++;
            }
            return i == start ? -1 : n;
        }
    }
}
