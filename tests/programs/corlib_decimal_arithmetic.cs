// decimal arithmetic as .NET computes it: + - * / % on deterministic pseudo-random operands of every
// magnitude and scale (up to 96-bit coefficients and scale 28), with the results' exact scales
// (trailing zeros kept: 1.10m * 2 = 2.20), products and quotients rounded half to even to 28-29
// significant digits, sums rescaled when the coefficient overflows 96 bits, ++/--, unary minus,
// const decimal fields and decimal optional parameters (DecimalConstantAttribute), and the
// OverflowException / DivideByZeroException paths.
using System;

static class Program
{
    const decimal Rate = 0.0425m;
    const decimal Big = 123456789012345678901234.5678m;
    static readonly decimal Tenth = 0.1m;

    static uint state = 2463534242;

    static uint Next()
    {
        state ^= state << 13;
        state ^= state >> 17;
        state ^= state << 5;
        return state;
    }

    /// <summary>Coefficients of 1 to 96 bits, sometimes small or round, any scale and sign.</summary>
    static decimal RandomDecimal()
    {
        uint kind = Next() % 7;
        int lo = (int)Next(), mid = 0, hi = 0;
        if (kind >= 2) mid = (int)Next();
        if (kind >= 4) hi = (int)Next();
        if (kind == 5) hi = (int)((uint)hi >> (int)(Next() % 32));
        if (kind == 6) { lo = (int)(Next() % 1000); mid = 0; hi = 0; }
        if (Next() % 25 == 0) { lo = 0; mid = 0; hi = 0; }
        return new decimal(lo, mid, hi, (Next() & 1) != 0, (byte)(Next() % 29));
    }

    static decimal Interest(decimal principal, decimal rate = 0.05m, int years = 1)
    {
        decimal amount = principal;
        for (int i = 0; i < years; i++) amount += Math.Round(amount * rate, 2);
        return amount;
    }

    static int checksum;

    static void Show(string label, decimal value)
    {
        string text = value.ToString();
        checksum = checksum * 31 + text.Length + (int)(value.Scale);
        Console.WriteLine(label + " = " + text);
    }

    static string Try(Func<decimal> f)
    {
        try { return f().ToString(); }
        catch (OverflowException e) { return "Overflow: " + e.Message; }
        catch (DivideByZeroException e) { return "DivideByZero: " + e.Message; }
    }

    static int Main()
    {
        decimal one = 1, two = 2, three = 3, x110 = 1.10m, x11 = 1.1m;
        Show("1.1m*2", x11 * two);
        Show("1.10m+1", x110 + one);
        Show("1.10m*2", x110 * two);
        Show("1/3", one / three);
        Show("2/3", two / three);
        Show("1/3*3", one / three * three);
        Show("10/3", 10 * one / three);
        Show("100/3", 100 * one / three);
        Show("1/8", one / 8);
        Show("1.0/8", 1.0m * one / 8);
        Show("1.0000/8", 1.0000m * one / 8);
        Show("10/0.10", 10 * one / 0.10m);
        Show("1/0.3", one / 0.3m);
        Show("0.1+0.2", Tenth + 0.2m * one);
        Show("1.5-1.5", 1.5m * one - 1.5m);
        Show("-1.5+1.5", -1.5m * one + 1.5m);
        Show("5%2.5", 5 * one % 2.5m);
        Show("-7.5%2", -7.5m * one % 2);
        Show("7.5%-2", 7.5m * one % -2);
        Show("1.5%2.25", 1.5m * one % 2.25m);
        Show("Max-1", decimal.MaxValue - one);
        Show("Max/10", decimal.MaxValue / 10);
        Show("Max*0.1", decimal.MaxValue * 0.1m);
        Show("Min+Max", decimal.MinValue + decimal.MaxValue);
        Show("Max+0.4", decimal.MaxValue + 0.4m);
        Show("Max-0.5", decimal.MaxValue - 0.5m);
        Show("1e-28*1e-28", 0.0000000000000000000000000001m * one * 0.0000000000000000000000000001m);
        Show("1e-28/3", 0.0000000000000000000000000001m * one / 3);
        Show("1e-28*0.5", 0.0000000000000000000000000001m * one * 0.5m);
        Show("Big*Rate", Big * Rate);
        Show("Big/Rate", Big / Rate);
        Show("Interest", Interest(1000 * one));
        Show("Interest10", Interest(1234.56m * one, Rate, 10));
        decimal counter = 0.9m * one;
        counter++;
        Show("0.9++", counter);
        counter--;
        counter--;
        Show("--", counter);
        Show("-x", -x110);
        Show("+x", +x110);
        decimal sum = 0;
        for (int i = 1; i <= 100; i++) sum += one / i;
        Show("H100", sum);
        decimal product = 1;
        for (int i = 1; i <= 27; i++) product *= i;
        Show("27!", product);
        Console.WriteLine("28!: " + Try(() => product * 28 * 29 * 30));
        Console.WriteLine("Max+1: " + Try(() => decimal.MaxValue + one));
        Console.WriteLine("Min-1: " + Try(() => decimal.MinValue - one));
        Console.WriteLine("Max*2: " + Try(() => decimal.MaxValue * two));
        Console.WriteLine("Max/0.5: " + Try(() => decimal.MaxValue / (0.5m * one)));
        Console.WriteLine("1/0: " + Try(() => one / decimal.Zero));
        Console.WriteLine("1%0: " + Try(() => one % (one - one)));

        int overflows = 0, divideByZero = 0;
        for (int i = 0; i < 400; i++)
        {
            decimal a = RandomDecimal(), b = RandomDecimal();
            string line = a + " " + b + " |";
            try { line += " + " + (a + b); } catch (OverflowException) { line += " + ovf"; overflows++; }
            try { line += " - " + (a - b); } catch (OverflowException) { line += " - ovf"; overflows++; }
            try { line += " * " + (a * b); } catch (OverflowException) { line += " * ovf"; overflows++; }
            try { line += " / " + (a / b); } catch (OverflowException) { line += " / ovf"; overflows++; } catch (DivideByZeroException) { line += " / div0"; divideByZero++; }
            try { line += " % " + (a % b); } catch (DivideByZeroException) { line += " % div0"; divideByZero++; }
            checksum = checksum * 7 + line.Length;
            Console.WriteLine(line);
        }
        Console.WriteLine("overflows " + overflows + " divide by zero " + divideByZero);
        // Moderate values: chains of operations keep their scales.
        decimal acc = 0;
        for (int i = 0; i < 200; i++)
        {
            decimal a = (int)(Next() % 200000) / 100m - 1000, b = (int)(Next() % 5000 + 1) / 1000m;
            acc += a * b - a / b + a % b;
        }
        Show("acc", acc);
        Console.WriteLine("checksum " + checksum);
        return (checksum & 0x7F) + 1;
    }
}
