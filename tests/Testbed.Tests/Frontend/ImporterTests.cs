using Testbed.IR;
using Xunit;

namespace Testbed.Tests.Frontend;

/// <summary>The IL importer: stack values across branches, locals, widening, switches, layers.</summary>
public sealed class ImporterTests
{
    private static Module Program(string body) => ImportedProgram.Import($$"""
        static class Program
        {
            {{body}}
            static int Main() { return 0; }
        }
        """);

    [Fact]
    public void AGenericMethodCallingItselfWithAGrowingTypeArgumentIsCutOffWithAWarning()
    {
        // M<T> calls M<G<T>>: infinitely many instantiations. The import ends; the instantiation past the
        // limit throws when called, and the build says so once.
        var warnings = new List<Diagnostic>();
        var module = ImportedProgram.Import("""
            struct G<T> { public T Value; }
            static class Program
            {
                static int Depth<T>(int n) => n == 0 ? 0 : 1 + Depth<G<T>>(n - 1);
                static int Main() => Depth<int>(3);
            }
            """, warnings.Add);
        var warning = Assert.Single(warnings);
        Assert.Equal("TB1003", warning.Code);
        Assert.Contains("nested more than 16 levels deep", warning.Message);
        var depths = module.Functions.Where(f => f.Name.StartsWith("Program::Depth<", StringComparison.Ordinal)).ToList();
        // Nesting 0 (Depth<int>) to the limit are compiled; the one past it is the cut-off.
        Assert.Equal(Testbed.Frontend.Compilation.MaxGenericNesting + 2, depths.Count);
        var cutOff = depths.Single(f => f.Instructions.Any(i => i.Callee?.Name.Contains("RaiseGenericNestingTooDeep") == true));
        Assert.Equal(Opcode.Unreachable, cutOff.Blocks[0].Terminator!.Opcode);
        Assert.Empty(Verifier.Verify(module));
    }

    [Fact]
    public void AValueLeftOnTheStackAtAJoinBecomesABlockParameter()
    {
        var f = Program("static int Pick(bool c, int a, int b) => (c ? a : b) * 7;").Function("Program::Pick");
        Assert.Empty(Verifier.Verify(f));
        var join = Assert.Single(f.Blocks, b => b.Parameters.Count == 1 && b != f.Entry);
        Assert.Equal(IrType.I32, join.Parameters[0].Type);
        var branchesIntoJoin = f.Instructions.SelectMany(i => i.Targets).Where(t => t.Block == join).ToList();
        Assert.Equal(2, branchesIntoJoin.Count);
        Assert.All(branchesIntoJoin, t => Assert.Single(t.Arguments));
        var multiply = Assert.Single(f.Instructions, i => i.Opcode == Opcode.Mul);
        Assert.Same(join.Parameters[0], multiply.Operands[0]);
    }

    [Fact]
    public void TwoStackValuesCrossTheBranchWhenAnOperandIsPendingAroundIt()
    {
        // Roslyn pushes x, then branches on c: x is still on the stack at the join.
        var f = Program("static int AddPick(int x, bool c) => x + (c ? 10 : 20);").Function("Program::AddPick");
        Assert.Empty(Verifier.Verify(f));
        var join = Assert.Single(f.Blocks, b => b.Parameters.Count == 2 && b != f.Entry);
        Assert.All(join.Parameters, p => Assert.Equal(IrType.I32, p.Type));
        var add = Assert.Single(f.Instructions, i => i.Opcode == Opcode.Add);
        Assert.Equal(join.Parameters, add.Operands.Cast<BlockParameter>());
    }

    [Fact]
    public void ArgumentsStoredToLiveInSlotsAndOthersStaySsa()
    {
        var f = Program("static int Count(int n, int step) { int s = 0; while (n > 0) { s += step; n--; } return s; }").Function("Program::Count");
        Assert.Empty(Verifier.Verify(f));
        var slots = f.Entry.Instructions.Where(i => i.Opcode == Opcode.Alloca).ToList();
        // n (stored to), and the local s; step is only read and is used as the parameter itself.
        Assert.Equal(2, slots.Count);
        var step = f.Entry.Parameters[1];
        Assert.Contains(f.Instructions, i => i.Opcode == Opcode.Add && i.Operands.Contains(step));
    }

    [Fact]
    public void SmallIntegersWidenBySignOnLoadAndNarrowOnStore()
    {
        var module = Program("""
            static sbyte s; static byte u;
            static int Load() => s + u;
            static void Store(int v) { s = (sbyte)v; u = (byte)v; }
            """);
        var load = module.Function("Program::Load");
        Assert.Contains(load.Instructions, i => i.Opcode == Opcode.SExt && i.Operands[0].Type == IrType.I8);
        Assert.Contains(load.Instructions, i => i.Opcode == Opcode.ZExt && i.Operands[0].Type == IrType.I8);
        var store = module.Function("Program::Store");
        Assert.Equal(2, store.Instructions.Count(i => i.Opcode == Opcode.Store && i.Operands[0].Type == IrType.I8));
    }

    [Fact]
    public void ADenseSwitchBecomesOneSwitchInstruction()
    {
        var f = Program("""
            static int Map(int k)
            {
                switch (k) { case 0: return 10; case 1: return 11; case 2: return 12; case 3: return 13; default: return -1; }
            }
            """).Function("Program::Map");
        var sw = Assert.Single(f.Instructions, i => i.Opcode == Opcode.Switch);
        Assert.Equal(new long[] { 0, 1, 2, 3 }, sw.CaseValues);
        Assert.Equal(5, sw.Targets.Count);
    }

    [Fact]
    public void ArrayAccessCarriesExplicitNullAndBoundsChecks()
    {
        var f = Program("static int Second(int[] a) => a[1];").Function("Program::Second");
        var opcodes = f.Instructions.Select(i => i.Opcode).ToList();
        int nullCheck = opcodes.IndexOf(Opcode.NullCheck), bounds = opcodes.IndexOf(Opcode.BoundsCheck), element = opcodes.IndexOf(Opcode.ElementAddr);
        Assert.True(nullCheck >= 0 && nullCheck < bounds && bounds < element, string.Join(", ", opcodes));
    }

    [Fact]
    public void TheNetworkStackIsCompiledOnlyIntoProgramsThatUseSockets()
    {
        var plain = Program("static void Say() => System.Console.WriteLine(1);");
        Assert.DoesNotContain(plain.Functions, f => f.Layer.StartsWith("libos.net", StringComparison.Ordinal));
        Assert.DoesNotContain(plain.Functions, f => f.Layer == "libos.threading");

        var sockets = Program("static void Open() => new System.Net.Sockets.Socket(System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Tcp).Close();");
        // The import of tb_net_open is the exporting function itself: a direct call across the layers.
        Assert.Contains(sockets.Functions, f => f.Layer == "libos.net.sockets" && f.ExportName == "tb_net_open");
        Assert.Contains(sockets.Functions, f => f.Layer == "libos.net.tcp");
        Assert.DoesNotContain(sockets.Functions, f => f.ImportName == "tb_net_open");
    }

    [Fact]
    public void FunctionsCarryTheLayerOfTheirAssemblyAndNamespace()
    {
        var module = Program("static void Say() => System.Console.WriteLine(1);");
        Assert.Equal("app", module.Function("Program::Say").Layer);
        Assert.Equal("corlib", module.Function("System.Console::WriteLine(System.Int32)").Layer);
        Assert.Contains(module.Functions, f => f.Layer == "libos.platform.linux" && f.ExportName == "tb_platform_write");
        Assert.Equal("tb_app_main", module.EntryPoint!.ExportName);
    }

    [Fact]
    public void GenericStructsAreMonomorphisedPerTypeArgument()
    {
        var module = Program("""
            static int Sum(System.Span<int> s) { int t = 0; foreach (int x in s) t += x; return t; }
            static long SumLong(System.Span<long> s) { long t = 0; foreach (long x in s) t += x; return t; }
            """);
        Assert.Contains(module.Functions, f => f.Name.StartsWith("System.Span`1<System.Int32>::get_Item", StringComparison.Ordinal));
        Assert.Contains(module.Functions, f => f.Name.StartsWith("System.Span`1<System.Int64>::get_Item", StringComparison.Ordinal));
        Assert.Empty(Verifier.Verify(module));
    }

    [Fact]
    public void EveryCorpusStyleProgramImportsToVerifiedIr()
    {
        var module = Program("""
            struct P { public int X, Y; public int Sum() => X + Y; }
            static double Mix(P p, double d, long l) => p.Sum() * d + l;
            static unsafe int Raw(int* q) => q[2];
            """);
        Assert.Empty(Verifier.Verify(module));
    }
}
