namespace Riffle; internal static class Placeholder { }
