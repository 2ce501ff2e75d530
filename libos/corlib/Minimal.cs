namespace System
{
    public class Object { public Object() { } }
    public abstract class ValueType { }
    public abstract class Enum : ValueType { }
    public struct Void { }
    public struct Boolean { } public struct Char { } public struct SByte { } public struct Byte { }
    public struct Int16 { } public struct UInt16 { } public struct Int32 { } public struct UInt32 { }
    public struct Int64 { } public struct UInt64 { } public struct Single { } public struct Double { }
    public struct IntPtr { } public struct UIntPtr { }
    public sealed class String { private int _stringLength; private char _firstChar; public int Length => _stringLength; }
    public abstract class Array { }
    public abstract class Attribute { }
    public enum AttributeTargets { All = 0x7FFF }
    public sealed class AttributeUsageAttribute : Attribute { public AttributeUsageAttribute(AttributeTargets t) { } public bool AllowMultiple { get; set; } public bool Inherited { get; set; } }
    public abstract class Delegate { } public abstract class MulticastDelegate : Delegate { }
    public struct RuntimeTypeHandle { } public struct RuntimeMethodHandle { } public struct RuntimeFieldHandle { }
}
