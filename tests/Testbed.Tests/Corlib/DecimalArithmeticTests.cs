using System.Globalization;
using Testbed.Runtime;
using Xunit;

namespace Testbed.Tests.Corlib;

/// <summary>
/// The core library's decimal arithmetic (libos/corlib/Testbed/Runtime/DecimalArithmetic*.cs,
/// compiled into this assembly) against the running runtime's System.Decimal, bit for bit (the
/// scale and the sign of zero included), on random operands of every width and scale.
/// </summary>
public unsafe class DecimalArithmeticTests
{
    private const int RandomCount = 50_000;
    private const int MaxReportedMismatches = 20;

    private static DecimalParts Parts(decimal d)
    {
        int[] bits = decimal.GetBits(d);
        return new DecimalParts { Lo = (uint)bits[0], Mid = (uint)bits[1], Hi = (uint)bits[2], Flags = (uint)bits[3] };
    }

    private static string Show(DecimalParts p) => $"{p.Hi:X8}{p.Mid:X8}{p.Lo:X8}/{p.Flags:X8}";

    private static string Outcome(Func<DecimalParts> f)
    {
        try { return Show(f()); }
        catch (OverflowException) { return "overflow"; }
        catch (DivideByZeroException) { return "divide by zero"; }
    }

    /// <summary>Coefficients of 1 to 96 bits (some small, some round, some zero), any scale and sign.</summary>
    private static decimal RandomDecimal(Random random)
    {
        int kind = random.Next(7);
        uint lo = (uint)random.NextInt64(), mid = 0, hi = 0;
        if (kind >= 2) mid = (uint)random.NextInt64();
        if (kind >= 4) hi = (uint)random.NextInt64();
        if (kind == 5) hi >>= random.Next(32);
        if (kind == 6) lo = (uint)random.Next(1000);
        if (random.Next(20) == 0) lo = mid = hi = 0;
        if (random.Next(8) == 0)
        {
            decimal round = random.Next(1000);
            for (int k = random.Next(26); k > 0; k--) round *= 10;
            DecimalParts p = Parts(round);
            (lo, mid, hi) = (p.Lo, p.Mid, p.Hi);
        }
        return new decimal((int)lo, (int)mid, (int)hi, random.Next(2) == 0, (byte)random.Next(29));
    }

    private static void Compare(List<string> mismatches, string what, Func<decimal> expected, Func<DecimalParts> actual)
    {
        string e = Outcome(() => Parts(expected())), a = Outcome(actual);
        if (e != a && mismatches.Count < MaxReportedMismatches) mismatches.Add($"{what}: runtime {e}, corlib {a}");
    }

    [Fact]
    public void Operations_match_System_decimal()
    {
        var random = new Random(20240611);
        var mismatches = new List<string>();
        for (int i = 0; i < RandomCount; i++)
        {
            decimal a = RandomDecimal(random), b = RandomDecimal(random);
            DecimalParts pa = Parts(a), pb = Parts(b);
            string pair = a.ToString(CultureInfo.InvariantCulture) + " " + b.ToString(CultureInfo.InvariantCulture);
            Compare(mismatches, pair + " +", () => a + b, () => DecimalArithmetic.Add(pa, pb, false));
            Compare(mismatches, pair + " -", () => a - b, () => DecimalArithmetic.Add(pa, pb, true));
            Compare(mismatches, pair + " *", () => a * b, () => DecimalArithmetic.Multiply(pa, pb));
            Compare(mismatches, pair + " /", () => a / b, () => DecimalArithmetic.Divide(pa, pb));
            Compare(mismatches, pair + " %", () => a % b, () => DecimalArithmetic.Remainder(pa, pb));
            int decimals = random.Next(29), mode = random.Next(5);
            Compare(mismatches, pair + " round " + decimals + " " + mode, () => decimal.Round(a, decimals, (MidpointRounding)mode), () => DecimalArithmetic.Round(pa, decimals, mode));
            if (decimal.Compare(a, b) != DecimalArithmetic.Compare(pa, pb) && mismatches.Count < MaxReportedMismatches) mismatches.Add(pair + " compare");
            if (a.GetHashCode() != DecimalArithmetic.HashCode(pa) && mismatches.Count < MaxReportedMismatches) mismatches.Add(pair + " hash");
            if (BitConverter.DoubleToInt64Bits((double)a) != BitConverter.DoubleToInt64Bits(DecimalArithmetic.ToDouble(pa)) && mismatches.Count < MaxReportedMismatches)
                mismatches.Add(pair + " to double");
        }
        Assert.True(mismatches.Count == 0, string.Join("\n", mismatches));
    }

    [Fact]
    public void Conversions_from_double_and_float_match_System_decimal()
    {
        var random = new Random(7);
        var mismatches = new List<string>();
        for (int i = 0; i < RandomCount; i++)
        {
            double d = random.Next(2) == 0 ? BitConverter.Int64BitsToDouble(random.NextInt64()) : (random.NextDouble() - 0.5) * Math.Pow(10, random.Next(-30, 30));
            float f = random.Next(2) == 0 ? BitConverter.Int32BitsToSingle(random.Next()) : (float)d;
            Compare(mismatches, d.ToString("R", CultureInfo.InvariantCulture), () => (decimal)d, () => DecimalArithmetic.FromDouble(d));
            Compare(mismatches, f.ToString("R", CultureInfo.InvariantCulture) + "f", () => (decimal)f, () => DecimalArithmetic.FromSingle(f));
        }
        Assert.True(mismatches.Count == 0, string.Join("\n", mismatches));
    }

    [Fact]
    public void Parsed_digits_round_as_System_decimal_parse()
    {
        var random = new Random(11);
        var mismatches = new List<string>();
        byte* digits = stackalloc byte[80];
        for (int i = 0; i < RandomCount; i++)
        {
            int count = random.Next(1, 40);
            for (int k = 0; k < count; k++) digits[k] = (byte)(k == 0 ? random.Next(1, 10) : random.Next(3) == 0 ? 0 : random.Next(5) == 0 ? 5 : random.Next(10));
            int pointScale = random.Next(-35, 32);
            bool negative = random.Next(2) == 0;
            string text = (negative ? "-0." : "0.") + string.Concat(Enumerable.Range(0, count).Select(k => (char)('0' + digits[k]))) + "e" + pointScale.ToString(CultureInfo.InvariantCulture);
            Compare(mismatches, text, () => decimal.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture), () =>
                DecimalArithmetic.FromDigits(digits, count, pointScale, false, negative, out DecimalParts r) ? r : throw new OverflowException());
        }
        Assert.True(mismatches.Count == 0, string.Join("\n", mismatches));
    }
}
