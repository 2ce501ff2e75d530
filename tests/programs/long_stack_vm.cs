// A stack-based virtual machine: an assembler from text to bytecode with labels, then an
// interpreter loop with calls, locals and a call stack; runs factorial, fib, gcd and a prime sieve.
using System;

enum Op : byte { Push, Pop, Add, Sub, Mul, Div, Mod, Dup, Swap, Jmp, Jz, Jnz, Lt, Eq, Load, Store, Call, Ret, Print, Halt }

class Assembler
{
    public int[] Code = new int[512]; public int Len;
    string[] labels = new string[64]; int[] labelPos = new int[64]; int nLabels;
    string[] fixName = new string[64]; int[] fixAt = new int[64]; int nFix;

    static string Word(string s, ref int p)
    {
        while (p < s.Length && (s[p] == ' ' || s[p] == '\n')) p++;
        int st = p;
        while (p < s.Length && s[p] != ' ' && s[p] != '\n') p++;
        return s.Substring(st, p - st);
    }
    static Op Parse(string w)
    {
        switch (w)
        {
            case "push": return Op.Push; case "pop": return Op.Pop; case "add": return Op.Add; case "sub": return Op.Sub;
            case "mul": return Op.Mul; case "div": return Op.Div; case "mod": return Op.Mod; case "dup": return Op.Dup;
            case "swap": return Op.Swap; case "jmp": return Op.Jmp; case "jz": return Op.Jz; case "jnz": return Op.Jnz;
            case "lt": return Op.Lt; case "eq": return Op.Eq; case "load": return Op.Load; case "store": return Op.Store;
            case "call": return Op.Call; case "ret": return Op.Ret; case "print": return Op.Print; case "halt": return Op.Halt;
        }
        throw new ArgumentException("unknown mnemonic " + w);
    }
    static bool HasArg(Op o) => o == Op.Push || o == Op.Jmp || o == Op.Jz || o == Op.Jnz || o == Op.Load || o == Op.Store || o == Op.Call;

    public void Assemble(string src)
    {
        int p = 0;
        while (true)
        {
            string w = Word(src, ref p);
            if (w.Length == 0) break;
            if (w[w.Length - 1] == ':') { labels[nLabels] = w.Substring(0, w.Length - 1); labelPos[nLabels++] = Len; continue; }
            Op o = Parse(w);
            Code[Len++] = (int)o;
            if (HasArg(o))
            {
                string a = Word(src, ref p);
                if (char.IsAsciiDigit(a[0]) || a[0] == '-')
                {
                    int v = 0, i = a[0] == '-' ? 1 : 0;
                    for (; i < a.Length; i++) v = v * 10 + (a[i] - '0');
                    Code[Len++] = a[0] == '-' ? -v : v;
                }
                else { fixName[nFix] = a; fixAt[nFix++] = Len; Code[Len++] = 0; }
            }
        }
        for (int f = 0; f < nFix; f++)
        {
            int at = -1;
            for (int l = 0; l < nLabels; l++) if (labels[l] == fixName[f]) at = labelPos[l];
            if (at < 0) throw new ArgumentException("unknown label " + fixName[f]);
            Code[fixAt[f]] = at;
        }
    }
}

class Vm
{
    long[] stack = new long[256]; int sp;
    int[] retStack = new int[64]; int[] frameBase = new int[64]; int rsp;
    long[] locals = new long[64 * 8];
    public long Steps; public long Output;
    void Push(long v) => stack[sp++] = v;
    long Pop() => stack[--sp];
    public void Run(int[] code)
    {
        int pc = 0; int fb = 0;
        while (true)
        {
            Steps++;
            Op op = (Op)code[pc++];
            switch (op)
            {
                case Op.Push: Push(code[pc++]); break;
                case Op.Pop: sp--; break;
                case Op.Add: { long b = Pop(); Push(Pop() + b); break; }
                case Op.Sub: { long b = Pop(); Push(Pop() - b); break; }
                case Op.Mul: { long b = Pop(); Push(Pop() * b); break; }
                case Op.Div: { long b = Pop(); Push(Pop() / b); break; }
                case Op.Mod: { long b = Pop(); Push(Pop() % b); break; }
                case Op.Dup: { long a = Pop(); Push(a); Push(a); break; }
                case Op.Swap: { long b = Pop(), a = Pop(); Push(b); Push(a); break; }
                case Op.Jmp: pc = code[pc]; break;
                case Op.Jz: { int t = code[pc++]; if (Pop() == 0) pc = t; break; }
                case Op.Jnz: { int t = code[pc++]; if (Pop() != 0) pc = t; break; }
                case Op.Lt: { long b = Pop(); Push(Pop() < b ? 1 : 0); break; }
                case Op.Eq: { long b = Pop(); Push(Pop() == b ? 1 : 0); break; }
                case Op.Load: Push(locals[fb + code[pc++]]); break;
                case Op.Store: locals[fb + code[pc++]] = Pop(); break;
                case Op.Call: retStack[rsp] = pc + 1; frameBase[rsp++] = fb; fb += 8; pc = code[pc]; break;
                case Op.Ret: fb = frameBase[--rsp]; pc = retStack[rsp]; break;
                case Op.Print: { long v = Pop(); Console.WriteLine(v); Output = Output * 17 + v; break; }
                case Op.Halt: return;
            }
        }
    }
}

static class Program
{
    const string Source = @"
        push 10 call fact print
        push 20 call fib print
        push 1071 push 462 call gcd print
        push 100 call countprimes print
        halt
    fact: store 0 push 1 store 1
    factloop: load 0 jz factend load 1 load 0 mul store 1 load 0 push 1 sub store 0 jmp factloop
    factend: load 1 ret
    fib: store 0 push 0 store 1 push 1 store 2
    fibloop: load 0 jz fibend load 1 load 2 dup store 1 add store 2 load 0 push 1 sub store 0 jmp fibloop
    fibend: load 1 ret
    gcd: store 1 store 0
    gcdloop: load 1 jz gcdend load 0 load 1 mod load 1 store 0 store 1 jmp gcdloop
    gcdend: load 0 ret
    countprimes: store 0 push 0 store 1 push 2 store 2
    cpouter: load 2 load 0 lt jz cpend push 2 store 3
    cpinner: load 3 load 3 mul load 2 swap lt jnz cpprime load 2 load 3 mod jz cpnext load 3 push 1 add store 3 jmp cpinner
    cpprime: load 1 push 1 add store 1
    cpnext: load 2 push 1 add store 2 jmp cpouter
    cpend: load 1 ret
    ";

    static int Main()
    {
        var asm = new Assembler();
        asm.Assemble(Source);
        Console.WriteLine("code length " + asm.Len);
        var vm = new Vm();
        vm.Run(asm.Code);
        Console.WriteLine("steps " + vm.Steps);
        Console.WriteLine("output hash " + vm.Output);
        try { new Assembler().Assemble("push 1 frob"); } catch (ArgumentException e) { Console.WriteLine(e.Message); }
        try { new Assembler().Assemble("jmp nowhere"); } catch (ArgumentException e) { Console.WriteLine(e.Message); }
        return (int)(vm.Steps % 200);
    }
}
