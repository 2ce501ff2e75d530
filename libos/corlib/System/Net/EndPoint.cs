using System.Net.Sockets;

namespace System.Net
{
    /// <summary>
    /// .NET's abstract network address. Only <see cref="IPEndPoint"/> derives from it here; .NET's
    /// Serialize/Create over SocketAddress are not provided (sockets convert IPEndPoints directly).
    /// </summary>
    public abstract class EndPoint
    {
        public virtual AddressFamily AddressFamily =>
            throw new NotImplementedException("This property is not implemented by this class.");
    }
}
