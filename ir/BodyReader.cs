using System.Globalization;

namespace Testbed.IR;

/// <summary>
/// One function body. Values and blocks may be used before their definition (loops; blocks in any
/// order), so a use of a name not seen yet leaves a hole that is filled, or reported, at the closing
/// brace, in text order.
/// </summary>
internal sealed class BodyReader
{
    private static readonly Dictionary<string, Opcode> Mnemonics = Enum.GetValues<Opcode>().ToDictionary(o => o.Mnemonic());
    private static readonly Dictionary<string, Predicate> IntegerPredicates = PredicatesBetween(Predicate.Eq, Predicate.UGe);
    private static readonly Dictionary<string, Predicate> FloatPredicates = PredicatesBetween(Predicate.OEq, Predicate.UGeF);
    private static readonly Dictionary<string, long> ThrowKinds = new() { ["rethrow"] = ThrowKind.Rethrow, ["resume"] = ThrowKind.Resume };
    private static readonly Dictionary<string, IntrinsicKind> Intrinsics = Enum.GetValues<IntrinsicKind>()
        .Where(k => k != IntrinsicKind.None).ToDictionary(k => k.ToString().ToLowerInvariant());

    private readonly ModuleReader module;
    private readonly TokenCursor c;
    private readonly Function function;
    private readonly Token opened;
    private readonly Dictionary<string, (Value Value, Token Defined)> values = new();
    private readonly Dictionary<string, (Block Block, Token? Defined)> blocks = new();
    private readonly List<Block> order = new();
    private readonly List<Action> holes = new();

    public BodyReader(ModuleReader module, TokenCursor cursor, Function function, Token opened)
    {
        this.module = module;
        c = cursor;
        this.function = function;
        this.opened = opened;
    }

    public void Read()
    {
        Block? current = null;
        while (true)
        {
            c.SkipNewLines();
            var t = c.Peek;
            bool label = t.Kind == TokenKind.Word && (c.PeekAt(1).Is(":") || c.PeekAt(1).Is("("));
            if (t.Is("}")) break;
            if (t.Kind == TokenKind.End || (!label && ModuleReader.IsDeclarationKeyword(t)))
                throw c.ErrorAt(t, $"expected '}}' to close @{Printer.Quote(function.Name)} (opened at {opened.Position}), found {t.Describe()}");
            if (label) current = ReadLabel();
            else if (current is null) throw c.ErrorAt(t, "expected a block label (bb0:) before the first instruction");
            else ReadInstruction(current);
        }
        var close = c.Next();
        c.EndOfLine();
        if (order.Count == 0)
            throw c.ErrorAt(close, $"@{Printer.Quote(function.Name)} has no blocks; a body needs at least its entry block (write 'declare' for a function without one)");
        foreach (var hole in holes) hole();
        // Blocks were created at their first mention; the function lists them in the order of their labels.
        function.Blocks.Clear();
        function.Blocks.AddRange(order);
    }

    private Block ReadLabel()
    {
        var t = c.Next();
        var block = BlockNamed(t);
        if (blocks[t.Text].Defined is { } first) throw c.ErrorAt(t, $"block {t.Text} is defined twice (first at {first.Position})");
        blocks[t.Text] = (block, t);
        order.Add(block);
        if (c.Accept("("))
        {
            if (!c.Peek.Is(")"))
                do
                {
                    var p = c.ExpectKind(TokenKind.Local, "a block parameter (%N: type)");
                    c.Expect(":");
                    Define(p, block.AddParameter(module.ParseType()));
                } while (c.Accept(","));
            c.Expect(")");
        }
        c.Expect(":");
        c.EndOfLine();
        return block;
    }

    private void ReadInstruction(Block block)
    {
        Token? result = null;
        if (c.Peek.Kind == TokenKind.Local)
        {
            result = c.Next();
            c.Expect("=");
        }
        var mnemonic = c.Peek;
        if (mnemonic.Kind != TokenKind.Word) throw c.Expected("an instruction");
        if (!Mnemonics.TryGetValue(mnemonic.Text, out var op)) throw c.ErrorAt(mnemonic, $"unknown instruction '{mnemonic.Text}'");
        c.Next();
        var i = new Instruction(op, IrType.Void);
        if (op is Opcode.ICmp or Opcode.FCmp) i.Predicate = ReadKeyword(op == Opcode.ICmp ? IntegerPredicates : FloatPredicates, $"an {mnemonic.Text} predicate");
        if (op == Opcode.Intrinsic) i.Intrinsic = ReadKeyword(Intrinsics, "an intrinsic");
        // load volatile i32 %p, store volatile %v, %p
        if (op is Opcode.Load or Opcode.Store && c.Peek.Is("volatile"))
        {
            c.Next();
            i.Volatile = true;
        }
        // throw rethrow %e, throw resume %e (ThrowKind); a plain throw has no keyword.
        if (op == Opcode.Throw && c.Peek.Kind == TokenKind.Word && ThrowKinds.TryGetValue(c.Peek.Text, out var kind))
        {
            c.Next();
            i.IntValue = kind;
        }
        // The printer writes the type exactly when there is a result, and always for calls and intrinsics.
        if (result is not null || op.IsCall() || op is Opcode.Intrinsic) i.Type = module.ParseType();
        if (result is { } named && i.Type == IrType.Void)
            throw c.ErrorAt(named, $"'{named.Spelling} =' names the result of a void {mnemonic.Text}, which has none");
        if (result is null && i.Type != IrType.Void)
            throw c.ErrorAt(mnemonic, $"this {mnemonic.Text} produces {i.Type}: name its result ('%N = {mnemonic.Text} ...')");
        ReadParts(i, mnemonic);
        block.Append(i);
        if (result is { } r) Define(r, i);
        c.EndOfLine();
    }

    /// <summary>The comma-separated rest of the line: payload, operands, field, then branch targets.</summary>
    private void ReadParts(Instruction i, Token mnemonic)
    {
        var op = i.Opcode;
        bool first = true;
        bool More()
        {
            if (c.AtLineEnd) return false;
            if (!first) c.Expect(",");
            first = false;
            return true;
        }
        void Need(string what)
        {
            if (!More()) throw c.Expected(what);
        }

        switch (op)
        {
            case Opcode.ConstInt: Need("an integer constant"); i.IntValue = c.ExpectLong("an integer constant"); break;
            case Opcode.ConstFloat: Need("a float constant"); i.FloatValue = ReadFloat(); break;
            case Opcode.StringLiteral: Need("a string literal"); i.Text = c.ExpectKind(TokenKind.String, "a string literal").Text; break;
            case Opcode.Alloca: Need("the slot type"); i.TypeOperand = module.ParseType(); break;
            case Opcode.ElementAddr: Need("the element type"); i.TypeOperand = module.ParseType(); break;
            case Opcode.Call or Opcode.FunctionAddress:
                Need("the callee (@function)");
                var callee = c.ExpectKind(TokenKind.Global, "the callee (@function)");
                module.AddFixup(() => i.Callee = module.ResolveFunction(callee));
                break;
            case Opcode.GlobalAddr:
                Need("the global (@name)");
                var global = c.ExpectKind(TokenKind.Global, "the global (@name)");
                module.AddFixup(() => i.Global = module.ResolveGlobal(global));
                break;
            case var slotted when slotted.HasSlot():
            {
                Need("the class (\"Name\")");
                var owner = c.ExpectKind(TokenKind.String, "the class (\"Name\")");
                module.AddFixup(() => i.Class = module.ResolveClass(owner));
                Need("the slot number");
                i.IntValue = c.ExpectInt("the slot number");
                break;
            }
            case Opcode.IsInstance or Opcode.CastClass or Opcode.Unbox or Opcode.TypeDescriptor:
            {
                Need("the class (\"Name\")");
                var target = c.ExpectKind(TokenKind.String, "the class (\"Name\")");
                module.AddFixup(() => i.Class = module.ResolveClass(target));
                break;
            }
            // newstring names the string class when it has one; the others always name their class.
            case Opcode.NewObject or Opcode.NewArray or Opcode.NewString or Opcode.InitClass
                when op != Opcode.NewString || c.Peek.Kind == TokenKind.String:
                Need("the class (\"Name\")");
                var cls = c.ExpectKind(TokenKind.String, "the class (\"Name\")");
                module.AddFixup(() => i.Class = module.ResolveClass(cls));
                break;
        }

        var operands = new List<Token>();
        var targets = new List<Token>();
        Token? field = null;
        bool branches = op is Opcode.Br or Opcode.CondBr or Opcode.Switch, cases = false;
        while (!c.Peek.Is("unwind") && More())
        {
            var t = c.Peek;
            bool beforeTargets = targets.Count == 0 && !cases;
            if (t.Kind == TokenKind.Local && field is null && beforeTargets)
            {
                operands.Add(c.Next());
                Use(i.Operands, t);
            }
            else if (t.Kind == TokenKind.String && field is null && beforeTargets)
            {
                field = c.Next();
                module.AddFixup(() => i.Field = module.ResolveField(t));
            }
            else if (t.Kind == TokenKind.Word && branches && !cases)
            {
                targets.Add(t);
                i.Targets.Add(ReadTarget());
            }
            else if (t.Is("[") && op == Opcode.Switch && targets.Count == 1 && !cases)
            {
                cases = true;
                ReadCases(i);
            }
            else
            {
                var allowed = new List<string>();
                if (field is null && beforeTargets) allowed.Add("an operand (%N)");
                if (field is null && beforeTargets) allowed.Add("a field (\"Owner::Name\")");
                if (branches && !cases) allowed.Add("a branch target (bbN)");
                if (op == Opcode.Switch && targets.Count == 1 && !cases) allowed.Add("the cases ([value: bbN, ...])");
                throw c.ErrorAt(t, allowed.Count == 0
                    ? $"nothing may follow here in {mnemonic.Text}, found {t.Describe()}"
                    : $"expected {string.Join(" or ", allowed)}, found {t.Describe()}");
            }
        }
        if (c.Accept("unwind"))
        {
            if (!op.MayThrow()) throw c.ErrorAt(mnemonic, $"{mnemonic.Text} cannot throw, so it takes no unwind target");
            if (c.Peek.Kind != TokenKind.Word) throw c.Expected("the handler block (bbN)");
            i.Unwind = BlockNamed(c.Next());
        }
        CheckShape(i, mnemonic, operands, targets, field, cases);
    }

    private void CheckShape(Instruction i, Token mnemonic, List<Token> operands, List<Token> targets, Token? field, bool cases)
    {
        var op = i.Opcode;
        string name = mnemonic.Text;
        static string Plural(int n, string noun) => n == 1 ? $"1 {noun}" : $"{n} {noun}s";
        if (op == Opcode.Ret && operands.Count > 1)
            throw c.ErrorAt(operands[1], $"ret takes at most 1 operand, found {operands.Count}");
        if (OperandCount(op) is int n && operands.Count != n)
            throw c.ErrorAt(operands.Count > n ? operands[n] : mnemonic, $"{name} takes {Plural(n, "operand")}, found {operands.Count}");
        int wanted = op switch { Opcode.Br or Opcode.Switch => 1, Opcode.CondBr => 2, _ => 0 };
        if (targets.Count != wanted)
            throw c.ErrorAt(targets.Count > wanted ? targets[wanted] : mnemonic,
                $"{name} takes {Plural(wanted, "branch target")}{(op == Opcode.Switch ? " before its cases" : "")}, found {targets.Count}");
        if (op == Opcode.Switch && !cases)
            throw c.ErrorAt(mnemonic, "switch needs its cases after the default target: [value: bbN, ...]");
        if (op == Opcode.FieldAddr && field is null)
            throw c.ErrorAt(mnemonic, "fieldaddr needs a field (\"Owner::Name\") after its operand");
    }

    /// <summary>Operands each opcode takes; null where the number varies (calls, intrinsics, ret).</summary>
    private static int? OperandCount(Opcode op) => op switch
    {
        Opcode.Call or Opcode.Intrinsic or Opcode.Ret or Opcode.CallVirtual or Opcode.CallInterface or Opcode.CallIndirect => null,
        Opcode.FunctionAddress => 0,
        Opcode.ConstInt or Opcode.ConstFloat or Opcode.ConstNull or Opcode.StringLiteral or Opcode.Alloca or Opcode.GlobalAddr
            or Opcode.NewObject or Opcode.InitClass or Opcode.Br or Opcode.Unreachable or Opcode.LandingPad or Opcode.TypeDescriptor => 0,
        Opcode.Select or Opcode.Copy or Opcode.Fill => 3,
        _ when op.IsIntegerBinary() || op.IsFloatBinary() => 2,
        Opcode.ICmp or Opcode.FCmp or Opcode.Store or Opcode.PtrAdd or Opcode.ElementAddr or Opcode.BoundsCheck => 2,
        _ => 1,
    };

    private BlockTarget ReadTarget()
    {
        var target = new BlockTarget(BlockNamed(c.Next()));
        if (c.Accept("("))
        {
            if (!c.Peek.Is(")"))
                do Use(target.Arguments, c.ExpectKind(TokenKind.Local, "a branch argument (%N)")); while (c.Accept(","));
            c.Expect(")");
        }
        return target;
    }

    private void ReadCases(Instruction i)
    {
        c.Expect("[");
        if (!c.Peek.Is("]"))
            do
            {
                i.CaseValues.Add(c.ExpectLong("a case value"));
                c.Expect(":");
                if (c.Peek.Kind != TokenKind.Word) throw c.Expected("the case's target (bbN)");
                i.Targets.Add(ReadTarget());
            } while (c.Accept(","));
        c.Expect("]");
    }

    private T ReadKeyword<T>(Dictionary<string, T> words, string what)
    {
        if (c.Peek.Kind == TokenKind.Word && words.TryGetValue(c.Peek.Text, out var value))
        {
            c.Next();
            return value;
        }
        throw c.Expected($"{what} ({string.Join(", ", words.Keys)})");
    }

    /// <summary>The forms <see cref="Printer.FormatFloat"/> writes: round-trip decimal, -0.0, inf, -inf, nan and nan(0xBITS).</summary>
    private double ReadFloat()
    {
        const string what = "a float constant (1.5, -0.0, 1E+300, inf, -inf, nan or nan(0x<64-bit pattern>))";
        var t = c.Peek;
        if (t.Kind != TokenKind.Word) throw c.Expected(what);
        switch (t.Text)
        {
            case "inf": c.Next(); return double.PositiveInfinity;
            case "-inf": c.Next(); return double.NegativeInfinity;
            case "nan":
                c.Next();
                if (!c.Accept("(")) return double.NaN;
                var bits = c.Peek;
                if (bits.Kind != TokenKind.Word || !bits.Text.StartsWith("0x", StringComparison.Ordinal)
                    || !ulong.TryParse(bits.Text.AsSpan(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var pattern)
                    || !double.IsNaN(BitConverter.UInt64BitsToDouble(pattern)))
                    throw c.Expected("the bit pattern of a NaN (0x7ff8000000000001)");
                c.Next();
                c.Expect(")");
                return BitConverter.UInt64BitsToDouble(pattern);
        }
        // double.Parse also takes "Infinity", "NaN" and overflows to infinity; only plain finite numbers are accepted here.
        bool numeric = t.Text.Length > 0 && (char.IsAsciiDigit(t.Text[0]) || (t.Text.Length > 1 && t.Text[0] == '-' && char.IsAsciiDigit(t.Text[1])));
        if (!numeric || !double.TryParse(t.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) || !double.IsFinite(d))
            throw c.Expected(what);
        c.Next();
        return d;
    }

    private Block BlockNamed(Token t)
    {
        if (blocks.TryGetValue(t.Text, out var known)) return known.Block;
        var block = function.AddBlock();
        blocks[t.Text] = (block, null);
        holes.Add(() =>
        {
            if (blocks[t.Text].Defined is null) throw c.ErrorAt(t, $"block {t.Text} is not defined in @{Printer.Quote(function.Name)}");
        });
        return block;
    }

    private void Define(Token name, Value value)
    {
        if (values.TryGetValue(name.Text, out var first))
            throw c.ErrorAt(name, $"{name.Spelling} is defined twice (first at {first.Defined.Position})");
        values[name.Text] = (value, name);
    }

    /// <summary>Appends the value named by <paramref name="name"/>, or a hole filled at the end of the body.</summary>
    private void Use(OperandList list, Token name)
    {
        if (values.TryGetValue(name.Text, out var known)) { list.Add(known.Value); return; }
        int index = list.Count;
        list.Add(null!);
        holes.Add(() => list[index] = values.TryGetValue(name.Text, out var v) ? v.Value
            : throw c.ErrorAt(name, $"{name.Spelling} is not defined"));
    }

    private static Dictionary<string, Predicate> PredicatesBetween(Predicate first, Predicate last) =>
        Enum.GetValues<Predicate>().Where(p => p >= first && p <= last).ToDictionary(p => p.Mnemonic());
}
