using System.Runtime;
using System.Runtime.CompilerServices;

namespace System
{
    /// <summary>
    /// The base of all exceptions. The stack trace is built as the exception propagates: each function
    /// it leaves adds its name (docs/exceptions.md), so a trace costs nothing until something throws.
    /// </summary>
    public class Exception
    {
        private readonly string _message;
        private readonly Exception _innerException;
        internal string _stackTrace;
        // What the first pass decided (ExceptionHandling.FirstPass): the handler record of the try
        // block that takes this exception, and which of its clauses.
        internal IntPtr _handlerRecord;
        internal int _handlerClause;
        internal bool _unhandledReported;

        public Exception() { }

        public Exception(string message) { _message = message; }

        public Exception(string message, Exception innerException)
        {
            _message = message;
            _innerException = innerException;
        }

        public virtual string Message => _message ?? "Exception of type '" + RuntimeTypeName + "' was thrown.";

        public Exception InnerException => _innerException;

        public virtual string StackTrace => _stackTrace;

        /// <summary>.NET's name of the exception's runtime type: what Object.ToString gives.</summary>
        private string RuntimeTypeName => base.ToString();

        public override string ToString()
        {
            string text = RuntimeTypeName;
            string message = Message;
            if (message != null && message.Length > 0) text = text + ": " + message;
            if (_innerException != null) text = text + "\n ---> " + _innerException.ToString() + "\n   --- End of inner exception stack trace ---";
            if (_stackTrace != null) text = text + "\n" + _stackTrace;
            return text;
        }
    }

    public class SystemException : Exception
    {
        public SystemException() : base("System error.") { }
        public SystemException(string message) : base(message) { }
        public SystemException(string message, Exception innerException) : base(message, innerException) { }
    }

    public class ApplicationException : Exception
    {
        public ApplicationException() : base("Error in the application.") { }
        public ApplicationException(string message) : base(message) { }
    }

    public class ArgumentException : SystemException
    {
        private readonly string _paramName;
        public ArgumentException() : base("Value does not fall within the expected range.") { }
        public ArgumentException(string message) : base(message) { }
        public ArgumentException(string message, Exception innerException) : base(message, innerException) { }
        public ArgumentException(string message, string paramName) : base(message) { _paramName = paramName; }
        public virtual string ParamName => _paramName;

        public override string Message
        {
            get
            {
                string message = base.Message;
                return _paramName == null || _paramName.Length == 0 ? message : message + " (Parameter '" + _paramName + "')";
            }
        }
    }

    public class ArgumentNullException : ArgumentException
    {
        public ArgumentNullException() : base("Value cannot be null.") { }
        public ArgumentNullException(string paramName) : base("Value cannot be null.", paramName) { }
        public ArgumentNullException(string paramName, string message) : base(message, paramName) { }
    }

    public class ArgumentOutOfRangeException : ArgumentException
    {
        public ArgumentOutOfRangeException() : base("Specified argument was out of the range of valid values.") { }
        public ArgumentOutOfRangeException(string paramName) : base("Specified argument was out of the range of valid values.", paramName) { }
        public ArgumentOutOfRangeException(string paramName, string message) : base(message, paramName) { }
        public ArgumentOutOfRangeException(string paramName, object actualValue, string message) : base(message, paramName) { _actualValue = actualValue; }

        private readonly object _actualValue;

        public virtual object ActualValue => _actualValue;

        public override string Message
        {
            get
            {
                string message = base.Message;
                if (_actualValue == null) return message;
                string value = _actualValue.ToString();
                return value == null ? message : message + "\nActual value was " + value + ".";
            }
        }
    }

    public class ArithmeticException : SystemException
    {
        public ArithmeticException() : base("Overflow or underflow in the arithmetic operation.") { }
        public ArithmeticException(string message) : base(message) { }
    }

    public class DivideByZeroException : ArithmeticException
    {
        public DivideByZeroException() : base("Attempted to divide by zero.") { }
        public DivideByZeroException(string message) : base(message) { }
    }

    public class OverflowException : ArithmeticException
    {
        public OverflowException() : base("Arithmetic operation resulted in an overflow.") { }
        public OverflowException(string message) : base(message) { }
    }

    public class FormatException : SystemException
    {
        public FormatException() : base("One of the identified items was in an invalid format.") { }
        public FormatException(string message) : base(message) { }
    }

    public class IndexOutOfRangeException : SystemException
    {
        public IndexOutOfRangeException() : base("Index was outside the bounds of the array.") { }
        public IndexOutOfRangeException(string message) : base(message) { }
    }

    public class InvalidCastException : SystemException
    {
        public InvalidCastException() : base("Specified cast is not valid.") { }
        public InvalidCastException(string message) : base(message) { }
    }

    public class InvalidOperationException : SystemException
    {
        public InvalidOperationException() : base("Operation is not valid due to the current state of the object.") { }
        public InvalidOperationException(string message) : base(message) { }
        public InvalidOperationException(string message, Exception innerException) : base(message, innerException) { }
    }

    public class NotSupportedException : SystemException
    {
        public NotSupportedException() : base("Specified method is not supported.") { }
        public NotSupportedException(string message) : base(message) { }
    }

    public class NotImplementedException : SystemException
    {
        public NotImplementedException() : base("The method or operation is not implemented.") { }
        public NotImplementedException(string message) : base(message) { }
    }

    public class NullReferenceException : SystemException
    {
        public NullReferenceException() : base("Object reference not set to an instance of an object.") { }
        public NullReferenceException(string message) : base(message) { }
    }

    public class OutOfMemoryException : SystemException
    {
        public OutOfMemoryException() : base("Insufficient memory to continue the execution of the program.") { }
        public OutOfMemoryException(string message) : base(message) { }
    }

    public class ObjectDisposedException : InvalidOperationException
    {
        public ObjectDisposedException(string objectName) : base("Cannot access a disposed object.\nObject name: '" + objectName + "'.") { }

        public ObjectDisposedException(string objectName, string message) : base(message) { }
    }

    public sealed class TypeInitializationException : SystemException
    {
        private readonly string _typeName;

        public TypeInitializationException(string fullTypeName, Exception innerException)
            : base("The type initializer for '" + fullTypeName + "' threw an exception.", innerException)
        {
            _typeName = fullTypeName;
        }

        public string TypeName => _typeName;
    }

    public class TimeoutException : SystemException
    {
        public TimeoutException() : base("The operation has timed out.") { }
        public TimeoutException(string message) : base(message) { }
    }
}

namespace System.Collections.Generic
{
    public class KeyNotFoundException : SystemException
    {
        public KeyNotFoundException() : base("The given key was not present in the dictionary.") { }
        public KeyNotFoundException(string message) : base(message) { }
    }
}
