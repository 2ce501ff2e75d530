namespace System
{
    /// <summary>
    /// The base of every delegate type. The compiler synthesises each delegate type's constructor
    /// and <c>Invoke</c> (docs/runtime-contract.md), which use exactly these two fields.
    /// </summary>
    public abstract class Delegate
    {
        // The object the method is called on; null for a static method.
        internal object _target;
        // The address of the method's compiled code.
        internal IntPtr _methodPtr;

        public object Target => _target;
    }

    public abstract class MulticastDelegate : Delegate
    {
    }
}
