using System.Collections;

namespace Testbed.IR;

/// <summary>
/// The operands of an instruction, or the arguments of a branch edge: a list of values that keeps
/// each value's use list up to date. Every way of changing it (indexer, Add, AddRange, Insert,
/// Remove, RemoveAt, RemoveAll, Clear) registers and unregisters uses, so code written for a
/// <c>List&lt;Value&gt;</c> keeps working and cannot leave a use list behind.
///
/// Uses are registered only while the instruction that owns the list is in a block (see
/// <see cref="Value"/>); a slot may hold null for a moment (the parser fills forward references
/// later) and registers nothing then.
/// </summary>
public sealed class OperandList : IList<Value>, IReadOnlyList<Value>
{
    private readonly Instruction? instruction;
    private readonly BlockTarget? edge;
    private Slot[] slots;
    private int count;
    private int version;

    /// <summary>A value, and 1 + where its entry sits in the value's use list (0 while not listed).</summary>
    private struct Slot
    {
        public Value Value;
        public int Position;
    }

    internal OperandList(Instruction instruction, Value[] values)
    {
        this.instruction = instruction;
        slots = Fill(values);
        count = values.Length;
    }

    internal OperandList(BlockTarget edge, IEnumerable<Value>? values)
    {
        this.edge = edge;
        var array = values?.ToArray() ?? Array.Empty<Value>();
        slots = Fill(array);
        count = array.Length;
    }

    private static Slot[] Fill(Value[] values)
    {
        if (values.Length == 0) return Array.Empty<Slot>();
        var slots = new Slot[values.Length];
        for (int k = 0; k < values.Length; k++) slots[k].Value = values[k];
        return slots;
    }

    /// <summary>The instruction reading these values: the owner of operands, the branch holding an edge.</summary>
    internal Instruction? User => instruction ?? edge!.Branch;
    internal BlockTarget? Edge => edge;
    /// <summary>Changes when slots are inserted or removed (not when one is set): a <see cref="Use"/> taken before is stale.</summary>
    internal int Shape { get; private set; }
    private bool Attached => User?.Block is not null;

    public int Count => count;
    bool ICollection<Value>.IsReadOnly => false;

    public Value this[int index]
    {
        get
        {
            if ((uint)index >= (uint)count) throw new ArgumentOutOfRangeException(nameof(index));
            return slots[index].Value;
        }
        set
        {
            if ((uint)index >= (uint)count) throw new ArgumentOutOfRangeException(nameof(index));
            if (ReferenceEquals(slots[index].Value, value)) return;
            Unlist(index);
            slots[index].Value = value;
            if (Attached) List(index);
            version++;
        }
    }

    /// <summary>The slot at <paramref name="index"/>, e.g. to hand to code that rewrites it later.</summary>
    public Use UseAt(int index) =>
        (uint)index < (uint)count ? new Use(this, index) : throw new ArgumentOutOfRangeException(nameof(index));

    public void Add(Value value) => Insert(count, value);

    public void AddRange(IEnumerable<Value> values)
    {
        // A copy first: the source may be this very list, or a query over it.
        foreach (var v in values as Value[] ?? values.ToArray()) Add(v);
    }

    public void Insert(int index, Value value)
    {
        if ((uint)index > (uint)count) throw new ArgumentOutOfRangeException(nameof(index));
        if (count == slots.Length) Array.Resize(ref slots, Math.Max(4, count * 2));
        if (index < count) Array.Copy(slots, index, slots, index + 1, count - index);
        slots[index] = new Slot { Value = value };
        count++;
        Renumber(index + 1);
        if (Attached) List(index);
        Changed();
    }

    public void RemoveAt(int index)
    {
        if ((uint)index >= (uint)count) throw new ArgumentOutOfRangeException(nameof(index));
        Unlist(index);
        count--;
        if (index < count) Array.Copy(slots, index + 1, slots, index, count - index);
        slots[count] = default;
        Renumber(index);
        Changed();
    }

    public bool Remove(Value value)
    {
        int k = IndexOf(value);
        if (k < 0) return false;
        RemoveAt(k);
        return true;
    }

    public int RemoveAll(Predicate<Value> match)
    {
        // Unlisted first, while every slot is still where its use entry says it is.
        Span<bool> doomed = count <= 64 ? stackalloc bool[count] : new bool[count];
        int removed = 0;
        for (int k = 0; k < count; k++)
            if (doomed[k] = match(slots[k].Value))
            {
                Unlist(k);
                removed++;
            }
        if (removed == 0) return 0;
        int kept = 0;
        for (int k = 0; k < count; k++)
        {
            if (!doomed[k]) slots[kept++] = slots[k];
        }
        Array.Clear(slots, kept, removed);
        count = kept;
        Renumber(0);
        Changed();
        return removed;
    }

    public void Clear()
    {
        Unregister();
        Array.Clear(slots, 0, count);
        count = 0;
        Changed();
    }

    public int IndexOf(Value value)
    {
        for (int k = 0; k < count; k++)
            if (ReferenceEquals(slots[k].Value, value)) return k;
        return -1;
    }

    public bool Contains(Value value) => IndexOf(value) >= 0;

    public void CopyTo(Value[] array, int arrayIndex)
    {
        for (int k = 0; k < count; k++) array[arrayIndex + k] = slots[k].Value;
    }

    /// <summary>Called when the owning instruction enters a block, or the edge a branch in one.</summary>
    internal void Register()
    {
        for (int k = 0; k < count; k++)
            if (slots[k].Position == 0) List(k);
    }

    /// <summary>Called when the owning instruction leaves its block, or the edge its branch.</summary>
    internal void Unregister()
    {
        for (int k = 0; k < count; k++) Unlist(k);
    }

    /// <summary>Where slot <paramref name="index"/> is in its value's use list; -1 if it is not listed.</summary>
    internal int PositionOf(int index) => slots[index].Position - 1;

    /// <summary>Told by the value when the entry of slot <paramref name="index"/> moved in its use list.</summary>
    internal void MovedTo(int index, int position) => slots[index].Position = position + 1;

    private void List(int index)
    {
        if (slots[index].Value is { } value) slots[index].Position = value.AddUse(this, index) + 1;
    }

    private void Unlist(int index)
    {
        ref var slot = ref slots[index];
        if (slot.Position == 0) return;
        slot.Value.RemoveUse(slot.Position - 1);
        slot.Position = 0;
    }

    /// <summary>Slots from <paramref name="from"/> on may have moved: their entries learn their new index.</summary>
    private void Renumber(int from)
    {
        for (int k = from; k < count; k++)
            if (slots[k].Position != 0) slots[k].Value.Renumber(slots[k].Position - 1, k);
    }

    private void Changed()
    {
        version++;
        Shape++;
    }

    public Enumerator GetEnumerator() => new(this);
    IEnumerator<Value> IEnumerable<Value>.GetEnumerator() => GetEnumerator();
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public override string ToString() => string.Join(", ", this);

    /// <summary>Throws if the list changes under it, as List's does.</summary>
    public struct Enumerator : IEnumerator<Value>
    {
        private readonly OperandList list;
        private readonly int version;
        private int index;

        internal Enumerator(OperandList list)
        {
            this.list = list;
            version = list.version;
            index = -1;
        }

        public Value Current => list.slots[index].Value;
        object IEnumerator.Current => Current;

        public bool MoveNext()
        {
            if (version != list.version) throw new InvalidOperationException("the operand list changed during enumeration");
            return ++index < list.count;
        }

        public void Reset() => index = -1;
        public void Dispose() { }
    }
}
