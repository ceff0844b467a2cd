using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Playground.Server.KubeApi;

/// <summary>
/// The Kubernetes API's TLS identity, as kubeadm makes one: a self-signed CA (its certificate goes into every
/// kubeconfig) and a serving certificate it signs for the API's host. Made on first start and kept in the data
/// directory, so kubeconfigs handed out earlier keep working after a restart.
/// </summary>
public sealed class ServingCertificates
{
    private const string CaFile = "ca.crt";
    private const string CaKeyFile = "ca.key";
    private const string ServerFile = "apiserver.crt";
    private const string ServerKeyFile = "apiserver.key";

    private ServingCertificates(X509Certificate2 authority, X509Certificate2 server)
    {
        Authority = authority;
        Server = server;
    }

    /// <summary>The CA that signed <see cref="Server"/>: what clients trust.</summary>
    public X509Certificate2 Authority { get; }

    /// <summary>The certificate, with its private key, that the API's HTTPS endpoint presents.</summary>
    public X509Certificate2 Server { get; }

    /// <summary>The CA certificate in PEM, as kubeconfig's certificate-authority-data carries it (base64 of this text).</summary>
    public string AuthorityPem => Authority.ExportCertificatePem();

    /// <summary>Loads the certificates from <paramref name="directory"/>, or makes them when absent or not valid for <paramref name="host"/>.</summary>
    public static ServingCertificates LoadOrCreate(string directory, string host, TimeProvider time)
    {
        Directory.CreateDirectory(directory);
        var now = time.GetUtcNow();
        var authority = Load(directory, CaFile, CaKeyFile);
        var renewed = authority is null || Expiring(authority, now);
        if (renewed)
        {
            authority = CreateAuthority(now);
            Save(directory, authority, CaFile, CaKeyFile);
        }
        var server = Load(directory, ServerFile, ServerKeyFile);
        if (renewed || server is null || !server.MatchesHostname(host) || Expiring(server, now))
        {
            server = CreateServer(authority!, host, now);
            Save(directory, server, ServerFile, ServerKeyFile);
        }
        return new ServingCertificates(authority!, server);
    }

    private static bool Expiring(X509Certificate2 certificate, DateTimeOffset now) => certificate.NotAfter.ToUniversalTime() < now.UtcDateTime.AddDays(30);

    private static X509Certificate2? Load(string directory, string certificate, string key)
    {
        var certificatePath = Path.Combine(directory, certificate);
        var keyPath = Path.Combine(directory, key);
        return File.Exists(certificatePath) && File.Exists(keyPath) ? X509Certificate2.CreateFromPemFile(certificatePath, keyPath) : null;
    }

    private static void Save(string directory, X509Certificate2 certificate, string certificateFile, string keyFile)
    {
        File.WriteAllText(Path.Combine(directory, certificateFile), certificate.ExportCertificatePem());
        var keyPath = Path.Combine(directory, keyFile);
        File.WriteAllText(keyPath, certificate.GetECDsaPrivateKey()!.ExportPkcs8PrivateKeyPem());
        // Private keys are for the server's eyes only.
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(keyPath, UnixFileMode.UserRead | UnixFileMode.UserWrite);
    }

    private static X509Certificate2 CreateAuthority(DateTimeOffset now)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=kubernetes-playground-ca", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, true, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign | X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        return request.CreateSelfSigned(now.AddMinutes(-5), now.AddYears(10));
    }

    private static X509Certificate2 CreateServer(X509Certificate2 authority, string host, DateTimeOffset now)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=kube-apiserver", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(authority, true, false));
        var names = new SubjectAlternativeNameBuilder();
        foreach (var name in new[] { host, "localhost", "127.0.0.1", "::1", "kubernetes", "kubernetes.default.svc" }.Distinct())
        {
            if (IPAddress.TryParse(name, out var address)) names.AddIpAddress(address);
            else names.AddDnsName(name);
        }
        request.CertificateExtensions.Add(names.Build());
        var serial = RandomNumberGenerator.GetBytes(16);
        serial[0] &= 0x7f;
        using var signed = request.Create(authority, now.AddMinutes(-5), now.AddYears(1), serial);
        return signed.CopyWithPrivateKey(key);
    }
}
