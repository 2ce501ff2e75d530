// Control flow inside switch statements: goto case and goto default in string and enum switches,
// a switch inside a loop using continue and break, fall-through via goto, and nested switches.
using System;

enum Op { Push, Dup, Add, Stop }

static class Program
{
    static string Normalize(string cmd)
    {
        switch (cmd)
        {
            case "rm": goto case "delete";
            case "del": goto case "delete";
            case "delete": return "DELETE";
            case "ls": case "dir": return "LIST";
            case "": goto default;
            default: return "UNKNOWN(" + cmd + ")";
        }
    }

    static int Run(Op[] prog)
    {
        var stack = new int[16]; int sp = 0, pc = 0, steps = 0;
        while (pc < prog.Length)
        {
            steps++;
            switch (prog[pc++])
            {
                case Op.Push: stack[sp++] = pc; continue;
                case Op.Dup: stack[sp] = stack[sp - 1]; sp++; goto case Op.Add;
                case Op.Add: if (sp >= 2) { stack[sp - 2] += stack[sp - 1]; sp--; } break;
                case Op.Stop: pc = prog.Length; break;
            }
            switch (sp)
            {
                case 0: Console.Write("[empty] "); break;
                default: Console.Write("[" + stack[sp - 1] + "] "); break;
            }
        }
        Console.WriteLine();
        return stack[0] * 10 + steps;
    }

    static int Main()
    {
        foreach (var c in new[] { "rm", "del", "delete", "ls", "dir", "", "cp" }) Console.Write(Normalize(c) + " ");
        Console.WriteLine();
        return Run(new[] { Op.Push, Op.Push, Op.Add, Op.Dup, Op.Push, Op.Add, Op.Stop, Op.Push });
    }
}
