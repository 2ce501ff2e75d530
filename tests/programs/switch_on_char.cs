using System;

// switch on char: a tokenizer/evaluator for a tiny expression language.
static class Program
{
    static int Kind(char c)
    {
        switch (c)
        {
            case '+': case '-': return 1;
            case '*': case '/': case '%': return 2;
            case '(': return 3;
            case ')': return 4;
            case ' ': case '\t': return 5;
            case '0': case '1': case '2': case '3': case '4':
            case '5': case '6': case '7': case '8': case '9': return 6;
            case 'é': return 7;
            case '中': return 8;
            default: return 0;
        }
    }

    static int Main()
    {
        string src = "12 + 3 * (45 - 6) % 7 / 2 é中x";
        int[] counts = new int[9];
        for (int i = 0; i < src.Length; i++)
        {
            int k = Kind(src[i]);
            counts[k]++;
            Console.Write(k);
        }
        Console.WriteLine();
        for (int i = 0; i < counts.Length; i++) { Console.Write(counts[i]); Console.Write(" "); }
        Console.WriteLine();

        // RPN calculator with a char switch on the operator
        string rpn = "3 4 + 2 * 7 - 9 3 / * 5 %";
        long[] stack = new long[16];
        int sp = 0;
        for (int i = 0; i < rpn.Length; i++)
        {
            char c = rpn[i];
            if (c >= '0' && c <= '9') { stack[sp++] = c - '0'; continue; }
            if (c == ' ') continue;
            long b = stack[--sp];
            long a = stack[--sp];
            long r;
            switch (c)
            {
                case '+': r = a + b; break;
                case '-': r = a - b; break;
                case '*': r = a * b; break;
                case '/': r = a / b; break;
                case '%': r = a % b; break;
                default: r = -999; break;
            }
            stack[sp++] = r;
            Console.Write(c);
            Console.Write("=");
            Console.WriteLine(r);
        }
        Console.WriteLine(stack[0]);

        // vowel counting with a switch expression on char
        string text = "The quick brown fox jumps over the lazy dog";
        int vowels = 0;
        for (int i = 0; i < text.Length; i++)
        {
            vowels += text[i] switch { 'a' => 1, 'e' => 1, 'i' => 1, 'o' => 1, 'u' => 1, 'A' or 'E' or 'I' or 'O' or 'U' => 1, _ => 0 };
        }
        Console.WriteLine(vowels);
        return vowels + (int)stack[0];
    }
}
