using System;

// switch with explicit fall-through via 'goto case' and 'goto default', and stacked case labels.
static class Program
{
    static int Cost(int level)
    {
        int cost = 0;
        switch (level)
        {
            case 5:
                cost += 50;
                goto case 4;
            case 4:
                cost += 40;
                goto case 3;
            case 3:
                cost += 30;
                goto case 1;
            case 2:
                cost += 20;
                goto default;
            case 1:
                cost += 10;
                break;
            default:
                cost += 1;
                break;
        }
        return cost;
    }

    static string Describe(int n)
    {
        string s = "";
        switch (n % 6)
        {
            case 0:
                s = s + "zero ";
                goto case 2;
            case 2:
            case 4:
                s = s + "even ";
                break;
            case 1:
            case 3:
                s = s + "odd ";
                if (n > 10) goto case 5;
                break;
            case 5:
                s = s + "big-or-five ";
                break;
        }
        return s;
    }

    static int Main()
    {
        int total = 0;
        for (int lv = -1; lv <= 7; lv++)
        {
            int c = Cost(lv);
            total += c;
            Console.Write(lv);
            Console.Write(" ");
            Console.WriteLine(c);
        }
        Console.WriteLine(total);
        for (int n = 0; n < 16; n++) Console.WriteLine(Describe(n));

        // a loop driven by goto case inside a switch
        int state = 0, output = 0;
        for (int i = 0; i < 5; i++)
        {
            switch (state)
            {
                case 0: output += 1; state = 2; goto case 1;
                case 1: output *= 3; break;
                case 2: output += 7; state = 3; goto default;
                case 3: output -= 2; state = 0; break;
                default: output ^= 5; break;
            }
            Console.WriteLine(output);
        }
        return total % 256;
    }
}
