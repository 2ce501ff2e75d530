using Testbed.IR;
using Testbed.Passes;
using Xunit;

namespace Testbed.Tests.IR;

/// <summary>
/// The use lists the IR keeps (Value.Uses) follow every edit the API allows; the builder inserts
/// where it is told; batch erase takes many instructions out in one pass; the verifier notices a
/// use list that disagrees with the code.
/// </summary>
public sealed class UseListTests
{
    private static (Function F, Builder B) NewFunction(IrType returns, params IrType[] parameters)
    {
        var f = new Function("f", returns, parameters, "app");
        var entry = f.AddBlock();
        foreach (var p in parameters) entry.AddParameter(p);
        return (f, new Builder(entry));
    }

    private static void AssertVerifies(Function f)
    {
        var errors = Verifier.Verify(f);
        Assert.True(errors.Count == 0, string.Join("\n", errors) + "\n" + Printer.Print(f));
    }

    /// <summary>Who uses the value, as (user, edge, slot), in a fixed order for comparing.</summary>
    private static List<(Instruction User, BlockTarget? Edge, int Index)> UsesOf(Value v) =>
        v.Uses.Select(u => (u.User, u.Edge, u.Index)).OrderBy(u => u.User.GetHashCode()).ThenBy(u => u.Index).ToList();

    [Fact]
    public void AnOperandIsAUseThatNamesItsUserAndSlot()
    {
        var (f, b) = NewFunction(IrType.I32, IrType.I32, IrType.I32);
        var (x, y) = (f.Entry.Parameters[0], f.Entry.Parameters[1]);
        var sum = b.Binary(Opcode.Add, x, x);
        b.Ret(sum);

        Assert.Equal(2, x.UseCount);
        Assert.All(x.Uses, u => Assert.Same(sum, u.User));
        Assert.Equal(new[] { 0, 1 }, x.Uses.Select(u => u.Index).Order());
        Assert.False(y.HasUses);
        var ret = f.Entry.Terminator!;
        Assert.Equal((ret, (BlockTarget?)null, 0), Assert.Single(UsesOf(sum)));
        AssertVerifies(f);
    }

    [Fact]
    public void SettingAnOperandMovesTheUse()
    {
        var (f, b) = NewFunction(IrType.I32, IrType.I32, IrType.I32);
        var (x, y) = (f.Entry.Parameters[0], f.Entry.Parameters[1]);
        var sum = b.Binary(Opcode.Add, x, x);
        b.Ret(sum);

        sum.Operands[1] = y;
        Assert.Equal((sum, (BlockTarget?)null, 0), Assert.Single(UsesOf(x)));
        Assert.Equal((sum, (BlockTarget?)null, 1), Assert.Single(UsesOf(y)));

        // A use rewritten in place, as a pass that kept it would.
        x.Uses[0].Set(y);
        Assert.False(x.HasUses);
        Assert.Equal(2, y.UseCount);
        AssertVerifies(f);
    }

    [Fact]
    public void ListEditsKeepSlotsNumberedAndUsesListed()
    {
        var (f, b) = NewFunction(IrType.Void, IrType.I32, IrType.I32, IrType.I32);
        var (x, y, z) = (f.Entry.Parameters[0], f.Entry.Parameters[1], f.Entry.Parameters[2]);
        var callee = new Function("g", IrType.Void, new[] { IrType.I32, IrType.I32, IrType.I32 }, "app");
        var call = b.Call(callee, new Value[] { y });
        b.Ret(null);

        call.Operands.Insert(0, x);
        call.Operands.Add(z);
        Assert.Equal(new Value[] { x, y, z }, call.Operands);
        Assert.Equal(new[] { 0, 1, 2 }, new[] { x, y, z }.Select(v => Assert.Single(v.Uses).Index));
        AssertVerifies(f);

        var kept = Assert.Single(y.Uses);
        call.Operands.RemoveAt(0);
        Assert.False(x.HasUses);
        // A use a pass held on to while slots moved would now name a neighbour: it refuses.
        Assert.Throws<InvalidOperationException>(() => kept.Set(z));
        Assert.Equal(new Value[] { y, z }, call.Operands);
        Assert.Equal(0, Assert.Single(y.Uses).Index);
        Assert.Equal(1, Assert.Single(z.Uses).Index);

        call.Operands.AddRange(call.Operands.Select(v => v));
        Assert.Equal(new Value[] { y, z, y, z }, call.Operands);
        Assert.Equal(2, y.UseCount);
        Assert.Equal(2, call.Operands.RemoveAll(v => v == z));
        Assert.False(z.HasUses);
        Assert.Equal(new[] { 0, 1 }, y.Uses.Select(u => u.Index).Order());

        call.Operands.Clear();
        Assert.False(y.HasUses);
    }

    [Fact]
    public void ABranchArgumentIsAUseOfTheBranchOnItsEdge()
    {
        var (f, b) = NewFunction(IrType.I32, IrType.Bool, IrType.I32, IrType.I32);
        var (c, x, y) = (f.Entry.Parameters[0], f.Entry.Parameters[1], f.Entry.Parameters[2]);
        var join = f.AddBlock();
        var p = join.AddParameter(IrType.I32);
        var other = f.AddBlock();
        var branch = b.CondBr(c, new BlockTarget(join, new Value[] { x }), new BlockTarget(other));
        new Builder(join).Ret(p);
        new Builder(other).Br(join, new Value[] { y });

        var use = Assert.Single(x.Uses);
        Assert.Same(branch, use.User);
        Assert.Same(branch.Targets[0], use.Edge);
        Assert.True(use.IsBranchArgument);
        Assert.Equal(0, use.Index);
        Assert.Same(branch, branch.Targets[0].Branch);
        Assert.False(Assert.Single(c.Uses).IsBranchArgument);

        branch.Targets[0].Arguments[0] = y;
        Assert.False(x.HasUses);
        Assert.Equal(2, y.UseCount);

        // Replacing the edges: the old edge's arguments stop counting, the new one's start.
        var old = branch.Targets[0];
        branch.Targets.RemoveAll(t => t == old);
        Assert.Null(old.Branch);
        Assert.Single(y.Uses);
        branch.Targets.Insert(0, new BlockTarget(join, new Value[] { x }));
        Assert.Same(branch, Assert.Single(x.Uses).User);
        AssertVerifies(f);
    }

    [Fact]
    public void AnEdgeBelongsToOneBranch()
    {
        var (f, b) = NewFunction(IrType.Void, IrType.I32);
        var exit = f.AddBlock();
        new Builder(exit).Ret(null);
        var edge = new BlockTarget(exit);
        b.Emit(Opcode.Br, IrType.Void).Targets.Add(edge);
        var other = new Instruction(Opcode.Br, IrType.Void);
        Assert.Throws<InvalidOperationException>(() => other.Targets.Add(edge));
    }

    /// <summary>The design choice: only instructions in a block use anything, so nothing detached can leave a stale entry.</summary>
    [Fact]
    public void ADetachedInstructionUsesNothingButKeepsItsOperands()
    {
        var (f, b) = NewFunction(IrType.I32, IrType.I32);
        var x = f.Entry.Parameters[0];
        var made = new Instruction(Opcode.Add, IrType.I32, x, x);
        Assert.False(x.HasUses);

        var ret = b.Ret(x);
        f.Entry.Insert(0, made);
        Assert.Equal(3, x.UseCount);

        made.Remove();
        Assert.Null(made.Block);
        Assert.Equal(new Value[] { x, x }, made.Operands);
        Assert.Same(ret, Assert.Single(x.Uses).User);
        // While detached its operands may change; nothing is listed until it is placed again.
        made.Operands.RemoveAt(1);
        made.Operands.Add(x);
        Assert.Single(x.Uses);

        var later = f.AddBlock();
        later.Append(made);
        Assert.Equal(3, x.UseCount);
    }

    [Fact]
    public void EraseDropsOperandsAndRefusesAValueStillInUse()
    {
        var (f, b) = NewFunction(IrType.I32, IrType.I32);
        var x = f.Entry.Parameters[0];
        var sum = b.Binary(Opcode.Add, x, x);
        var product = b.Binary(Opcode.Mul, sum, x);
        b.Ret(x);

        var error = Assert.Throws<InvalidOperationException>(sum.Erase);
        Assert.Contains("still used", error.Message);
        Assert.Same(f.Entry, sum.Block);

        product.Erase();
        Assert.Null(product.Block);
        Assert.Empty(product.Operands);
        sum.Erase();
        Assert.Same(f.Entry.Terminator, Assert.Single(x.Uses).User);
        AssertVerifies(f);
    }

    [Fact]
    public void MovingToAnotherBlockBeforeTheOldListLetsGoKeepsTheUses()
    {
        var (f, b) = NewFunction(IrType.I32, IrType.I32);
        var x = f.Entry.Parameters[0];
        var sum = b.Binary(Opcode.Add, x, x);
        b.Ret(sum);
        var to = f.AddBlock();

        // simplifycfg merges blocks this way: append everything to the predecessor, then clear.
        foreach (var i in f.Entry.Instructions.ToList()) to.Append(i);
        f.Entry.Instructions.Clear();
        Assert.Same(to, sum.Block);
        Assert.Equal(2, x.UseCount);
        Assert.Single(sum.Uses);
    }

    [Fact]
    public void ReplaceAllUsesWithRewritesOperandsAndArguments()
    {
        var (f, b) = NewFunction(IrType.I32, IrType.I32, IrType.I32);
        var (x, y) = (f.Entry.Parameters[0], f.Entry.Parameters[1]);
        var sum = b.Binary(Opcode.Add, x, x);
        var exit = f.AddBlock();
        var p = exit.AddParameter(IrType.I32);
        var br = b.Br(exit, new Value[] { x });
        var eb = new Builder(exit);
        eb.Ret(eb.Binary(Opcode.Add, sum, p));

        x.ReplaceAllUsesWith(y);
        Assert.False(x.HasUses);
        Assert.Equal(new Value[] { y, y }, sum.Operands);
        Assert.Same(y, br.Targets[0].Arguments[0]);
        Assert.Equal(3, y.UseCount);
        AssertVerifies(f);
    }

    [Fact]
    public void ReplaceUsesFollowsChains()
    {
        var (f, b) = NewFunction(IrType.I32, IrType.I32, IrType.I32, IrType.I32);
        var (x, y, z) = (f.Entry.Parameters[0], f.Entry.Parameters[1], f.Entry.Parameters[2]);
        var sum = b.Binary(Opcode.Add, x, y);
        b.Ret(sum);

        // x → y → z: both end at z, whichever the dictionary yields first.
        f.ReplaceUses(new Dictionary<Value, Value> { [x] = y, [y] = z });
        Assert.Equal(new Value[] { z, z }, sum.Operands);
        Assert.False(x.HasUses);
        Assert.False(y.HasUses);
        Assert.Equal(2, z.UseCount);
    }

    [Fact]
    public void EnumeratingUsesWhileRewritingThemFailsLoudly()
    {
        var (f, b) = NewFunction(IrType.I32, IrType.I32, IrType.I32);
        var (x, y) = (f.Entry.Parameters[0], f.Entry.Parameters[1]);
        b.Ret(b.Binary(Opcode.Add, x, x));
        Assert.Throws<InvalidOperationException>(() =>
        {
            foreach (var u in x.Uses) u.Set(y);
        });
        foreach (var u in x.Uses.ToList()) u.Set(y);
        Assert.Equal(2, y.UseCount);
    }

    [Fact]
    public void ClonedBodiesRegisterTheirUses()
    {
        var source = Parser.ParseModule("""
            module t
            func @f(i32) -> i32 layer app {
            entry(%n: i32):
              %zero = const i32 0
              br head(%zero)
            head(%i: i32):
              %c = icmp slt bool %i, %n
              condbr %c, body, exit
            body:
              %one = const i32 1
              %next = add i32 %i, %one
              br head(%next)
            exit:
              ret %i
            }
            """, "t.tbir").FindFunction("f")!;
        var n = source.Entry.Parameters[0];
        int before = n.UseCount;

        var copy = new Function("copy", IrType.I32, new[] { IrType.I32 }, "app");
        var values = source.CloneBodyInto(copy, new Dictionary<Block, Block>());
        AssertVerifies(copy);
        Assert.Equal(before, n.UseCount);
        foreach (var (original, clone) in values)
        {
            Assert.Equal(original.UseCount, clone.UseCount);
            Assert.All(clone.Uses, u => Assert.Same(copy, u.User.Block!.Function));
        }
        // The loop counter is read by the compare, the increment and the return.
        var i = copy.Blocks[1].Parameters[0];
        Assert.Equal(new[] { Opcode.Add, Opcode.ICmp, Opcode.Ret }.Order(), i.Uses.Select(u => u.User.Opcode).Order());
    }

    [Fact]
    public void TheParserFillsForwardReferencesIntoTheUseLists()
    {
        var f = Parser.ParseModule("""
            module t
            func @f(i32) -> i32 layer app {
            entry(%n: i32):
              br later(%x)
            later(%p: i32):
              ret %p
            second:
              %x = add i32 %n, %n
              br later(%x)
            }
            """, "t.tbir").FindFunction("f")!;
        var x = f.Instructions.Single(i => i.Opcode == Opcode.Add);
        Assert.Equal(2, x.UseCount);
        Assert.All(x.Uses, u => Assert.True(u.IsBranchArgument));
    }

    [Fact]
    public void TheBuilderInsertsBeforeAnInstructionInOrder()
    {
        var (f, b) = NewFunction(IrType.I32, IrType.I32);
        var x = f.Entry.Parameters[0];
        var ret = b.Ret(x);
        ret.ILOffset = 42;

        var before = Builder.Before(ret);
        var one = before.ConstInt(IrType.I32, 1);
        var two = before.ConstInt(IrType.I32, 2);
        var sum = before.Binary(Opcode.Add, one, two);
        ret.Operands[0] = sum;
        Assert.Equal(new Instruction[] { one, two, sum, ret }, f.Entry.Instructions);
        Assert.Equal(42, sum.ILOffset);
        AssertVerifies(f);
    }

    [Fact]
    public void TheBuilderInsertsAfterAnInstructionAndAtABlocksStart()
    {
        var (f, b) = NewFunction(IrType.I32, IrType.I32);
        var x = f.Entry.Parameters[0];
        var first = b.Binary(Opcode.Add, x, x);
        var ret = b.Ret(first);

        var after = Builder.After(first);
        var a = after.Binary(Opcode.Mul, first, x);
        var c = after.Binary(Opcode.Sub, a, x);
        Assert.Equal(new Instruction[] { first, a, c, ret }, f.Entry.Instructions);

        var atStart = Builder.AtStart(f.Entry);
        var z = atStart.ConstInt(IrType.I32, 0);
        var w = atStart.ConstInt(IrType.I32, 1);
        Assert.Equal(new Instruction[] { z, w, first, a, c, ret }, f.Entry.Instructions);

        // A landingpad stays first.
        var handler = f.AddBlock();
        var pad = new Builder(handler).Emit(Opcode.LandingPad, IrType.Obj);
        var throwIt = new Builder(handler).Emit(Opcode.Throw, IrType.Void, pad);
        var inHandler = Builder.AtStart(handler).ConstInt(IrType.I32, 7);
        Assert.Equal(new Instruction[] { pad, inHandler, throwIt }, handler.Instructions);

        // After the last instruction, and at the start of an empty block: the end.
        var empty = f.AddBlock();
        Builder.AtStart(empty).Ret(x);
        Assert.Single(empty.Instructions);
        var afterLast = Builder.After(empty.Instructions[0]);
        Assert.Same(empty, afterLast.InsertPoint.Block);
        Assert.Null(afterLast.InsertPoint.Before);
    }

    [Fact]
    public void TheBuilderAppendsByDefaultAndMovesWithSetInsertPoint()
    {
        var (f, b) = NewFunction(IrType.I32, IrType.I32);
        var x = f.Entry.Parameters[0];
        var ret = b.Ret(x);
        var other = f.AddBlock();

        b.SetInsertPoint(InsertPoint.BeforeInstruction(ret));
        var one = b.ConstInt(IrType.I32, 1);
        Assert.Equal(new Instruction[] { one, ret }, f.Entry.Instructions);
        b.Block = other;
        Assert.Equal(InsertPoint.AtEnd(other), b.InsertPoint);
        var two = b.ConstInt(IrType.I32, 2);
        Assert.Same(two, Assert.Single(other.Instructions));
        Assert.Throws<ArgumentException>(() => b.SetInsertPoint(new InsertPoint(other, ret)));
    }

    [Fact]
    public void EraseWhereTakesManyOutInOnePass()
    {
        var (f, b) = NewFunction(IrType.I32, IrType.I32);
        var x = f.Entry.Parameters[0];
        var dead = Enumerable.Range(0, 1000).Select(_ => b.Binary(Opcode.Add, x, x)).ToList();
        var kept = b.Binary(Opcode.Mul, x, x);
        b.Ret(kept);
        Assert.Equal(2002, x.UseCount);

        Assert.Equal(1000, f.Entry.EraseWhere(i => i.Opcode == Opcode.Add));
        Assert.Equal(new Instruction[] { kept, f.Entry.Terminator! }, f.Entry.Instructions);
        Assert.Equal(2, x.UseCount);
        Assert.All(dead, i => { Assert.Null(i.Block); Assert.Empty(i.Operands); });
        AssertVerifies(f);
    }

    [Fact]
    public void ErasingASetMayCrossBlocksButNotLeaveAUser()
    {
        var (f, b) = NewFunction(IrType.I32, IrType.I32);
        var x = f.Entry.Parameters[0];
        var a = b.Binary(Opcode.Add, x, x);
        var next = f.AddBlock();
        b.Br(next);
        var nb = new Builder(next);
        var c = nb.Binary(Opcode.Mul, a, a);
        nb.Ret(x);

        // Alone, a is still used by c: refused, and nothing changes.
        Assert.Throws<InvalidOperationException>(() => f.Entry.EraseWhere(i => i == a));
        Assert.Same(f.Entry, a.Block);
        Assert.Equal(2, a.UseCount);
        f.Erase(new HashSet<Instruction> { a, c });
        Assert.Equal(new[] { Opcode.Br }, f.Entry.Instructions.Select(i => i.Opcode));
        Assert.Single(x.Uses);
        AssertVerifies(f);
    }

    [Fact]
    public void DeadCodeEliminationLeavesOnlyLiveUsers()
    {
        var f = Parser.ParseModule("""
            module t
            func @f(i32) -> i32 layer app {
            entry(%n: i32):
              %a = add i32 %n, %n
              br next(%a)
            next(%p: i32):
              %b = mul i32 %p, %n
              ret %n
            }
            """, "t.tbir").FindFunction("f")!;
        var n = f.Entry.Parameters[0];
        Assert.Equal(4, n.UseCount);
        var r = DeadCodeElimination.Eliminate(f);
        Assert.Equal((2, 1), (r.InstructionsRemoved, r.ParametersRemoved));
        Assert.Equal(Opcode.Ret, Assert.Single(n.Uses).User.Opcode);
        AssertVerifies(f);
    }

    [Fact]
    public void TheVerifierCatchesAUseListLeftByADroppedBlock()
    {
        var (f, b) = NewFunction(IrType.I32, IrType.I32);
        var x = f.Entry.Parameters[0];
        b.Ret(x);
        var unreachable = f.AddBlock();
        var nb = new Builder(unreachable);
        nb.Ret(nb.Binary(Opcode.Add, x, x));
        AssertVerifies(f);

        // Bypassing EraseBlocks: the block's instructions still read %0.
        f.Blocks.Remove(unreachable);
        var errors = Verifier.Verify(f);
        Assert.NotEmpty(errors);
        Assert.All(errors, e => Assert.StartsWith("@f: the use list of %0 names '%", e));
        Assert.Contains("which is not in the function", errors[0]);

        f.Blocks.Add(unreachable);
        Assert.Equal(1, f.EraseBlocks(bl => bl == unreachable));
        Assert.Single(x.Uses);
        AssertVerifies(f);
    }
}
