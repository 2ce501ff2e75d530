using Mono.Cecil;
using Testbed.IR;

namespace Testbed.Frontend;

/// <summary>
/// The two methods of a delegate type that the runtime implements (ECMA-335 §II.14.6): the
/// constructor, which records the target object and the method's address in the fields of
/// <c>System.Delegate</c>, and <c>Invoke</c>, which calls the method, passing the target as
/// <c>this</c> when there is one. Multicast delegates (<c>+=</c> on a delegate) are not supported.
/// </summary>
internal static class Delegates
{
    public static bool IsRuntimeImplemented(MethodDefinition method) =>
        method.IsRuntime && method.DeclaringType.BaseType?.FullName is "System.MulticastDelegate" or "System.Delegate";

    /// <summary>A combined delegate: invoke each delegate of the list in order (they are single ones), return the last result.</summary>
    private static void EmitInvocationLoop(Function invoke, Block start, Value list)
    {
        var entry = invoke.Entry;
        var arguments = entry.Parameters.Skip(1).Cast<Value>().ToList();
        var b = new Builder(start);
        var count = b.Emit(Opcode.ArrayLength, IrType.I32, list);
        bool returns = invoke.ReturnType != IrType.Void;
        var header = invoke.AddBlock();
        var index = header.AddParameter(IrType.I32);
        var last = returns ? header.AddParameter(invoke.ReturnType) : null;
        var zero = returns ? Zero(b, invoke.ReturnType) : null;
        b.Br(header, returns ? new[] { b.ConstInt(IrType.I32, 0), zero! } : new Value[] { b.ConstInt(IrType.I32, 0) });

        var body = invoke.AddBlock();
        var done = invoke.AddBlock();
        var h = new Builder(header);
        h.CondBr(h.Compare(Predicate.SLt, index, count), new BlockTarget(body), new BlockTarget(done));

        var l = new Builder(body);
        var element = l.Emit(Opcode.ElementAddr, IrType.Ptr, list, index);
        element.TypeOperand = IrType.Obj;
        var item = l.Load(IrType.Obj, element);
        var result = l.Call(invoke, arguments.Prepend(item));
        var next = l.Binary(Opcode.Add, index, l.ConstInt(IrType.I32, 1));
        l.Br(header, returns ? new Value[] { next, result } : new Value[] { next });

        var d = new Builder(done);
        d.Ret(returns ? last : null);
    }

    private static Value Zero(Builder b, IrType type)
    {
        if (type is not StructType) return b.Zero(type);
        var slot = b.Alloca(type);
        b.StoreZero(type, slot);
        return b.Load(type, slot);
    }

    public static void SynthesiseBody(Compilation compilation, MethodInstance method, Function function)
    {
        var delegateType = compilation.Layouts.CoreType("System.Delegate");
        var targetField = compilation.Layouts.InstanceField(delegateType, delegateType.Fields.Single(f => f.Name == "_target"));
        var methodField = compilation.Layouts.InstanceField(delegateType, delegateType.Fields.Single(f => f.Name == "_methodPtr"));
        var listField = compilation.Layouts.InstanceField(delegateType, delegateType.Fields.Single(f => f.Name == "_invocationList"));

        var entry = function.AddBlock();
        foreach (var t in function.ParameterTypes) entry.AddParameter(t);
        var b = new Builder(entry);
        var self = entry.Parameters[0];
        switch (method.Definition.Name)
        {
            case ".ctor":
                b.Store(entry.Parameters[1], b.FieldAddr(self, targetField));
                b.Store(b.Emit(Opcode.IntToPtr, IrType.Ptr, entry.Parameters[2]), b.FieldAddr(self, methodField));
                b.Ret(null);
                return;
            case "Invoke":
            {
                var list = b.Load(IrType.Obj, b.FieldAddr(self, listField));
                var single = function.AddBlock();
                var multiple = function.AddBlock();
                b.CondBr(b.Compare(Predicate.Eq, list, b.Null(IrType.Obj)), new BlockTarget(single), new BlockTarget(multiple));
                EmitInvocationLoop(function, multiple, list);
                b = new Builder(single);
                var target = b.Load(IrType.Obj, b.FieldAddr(self, targetField));
                var code = b.Load(IrType.Ptr, b.FieldAddr(self, methodField));
                var arguments = entry.Parameters.Skip(1).Cast<Value>().ToList();
                var isStatic = b.Compare(Predicate.Eq, target, b.Null(IrType.Obj));
                var staticCall = function.AddBlock();
                var instanceCall = function.AddBlock();
                b.CondBr(isStatic, new BlockTarget(staticCall), new BlockTarget(instanceCall));
                foreach (var (block, withTarget) in new[] { (staticCall, false), (instanceCall, true) })
                {
                    var call = new Builder(block);
                    var operands = new List<Value> { code };
                    if (withTarget) operands.Add(target);
                    operands.AddRange(arguments);
                    var result = call.Emit(Opcode.CallIndirect, function.ReturnType, operands.ToArray());
                    call.Ret(result.HasResult ? result : null);
                }
                return;
            }
        }
        function.Blocks.Clear();
        compilation.Report("TB1001", method.Location, $"the delegate method {method.Definition.Name} is not supported (only construction and Invoke are)");
    }
}
