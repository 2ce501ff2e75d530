namespace System.Globalization
{
    /// <summary>
    /// The invariant culture only: an image carries no culture data (as .NET with
    /// InvariantGlobalization, which the CoreCLR oracle runs with), so every culture, the current one
    /// included, formats and parses as the invariant culture does. Programs that pass
    /// CultureInfo.InvariantCulture, or ask for the current culture, compile and behave as on .NET.
    /// </summary>
    public class CultureInfo : IFormatProvider
    {
        private static readonly CultureInfo s_invariant = new CultureInfo("");
        private static CultureInfo s_current;
        private static CultureInfo s_currentUI;
        private readonly string _name;

        /// <exception cref="CultureNotFoundException">Any name but "" (the invariant culture): there is no culture data.</exception>
        public CultureInfo(string name)
        {
            if (name == null) throw new ArgumentNullException(nameof(name));
            if (name.Length != 0) throw new CultureNotFoundException(nameof(name), name, "Only the invariant culture is supported (no culture data in the image).");
            _name = name;
        }

        public static CultureInfo InvariantCulture => s_invariant;

        public static CultureInfo CurrentCulture
        {
            get => s_current ?? s_invariant;
            set => s_current = value ?? throw new ArgumentNullException(nameof(value));
        }

        public static CultureInfo CurrentUICulture
        {
            get => s_currentUI ?? s_invariant;
            set => s_currentUI = value ?? throw new ArgumentNullException(nameof(value));
        }

        public static CultureInfo DefaultThreadCurrentCulture { get; set; }
        public static CultureInfo DefaultThreadCurrentUICulture { get; set; }

        public static CultureInfo GetCultureInfo(string name) => new CultureInfo(name);

        public string Name => _name;
        public string DisplayName => "Invariant Language (Invariant Country)";
        public string EnglishName => DisplayName;
        public string TwoLetterISOLanguageName => "iv";
        public bool IsReadOnly => true;

        public virtual object GetFormat(Type formatType) => null;

        public override string ToString() => _name;

        public override bool Equals(object obj) => obj is CultureInfo other && other._name == _name;

        public override int GetHashCode() => _name.GetHashCode();
    }

    public class CultureNotFoundException : ArgumentException
    {
        public CultureNotFoundException() : base("Culture is not supported.") { }
        public CultureNotFoundException(string message) : base(message) { }
        public CultureNotFoundException(string paramName, string message) : base(message, paramName) { }

        public CultureNotFoundException(string paramName, string invalidCultureName, string message) : base(message, paramName)
        {
            InvalidCultureName = invalidCultureName;
        }

        public virtual string InvalidCultureName { get; }
    }
}
