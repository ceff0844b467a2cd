using System.Globalization;

namespace Playground.Core.Kubelet.Images;

/// <summary>
/// An image the simulation knows: its size, how long its process takes to stop, the commands that start its server,
/// what its own entrypoint does (prints, runs, or exits) when a container gives no command, and the ports its server
/// listens on with the HTTP paths it answers (null when it does not speak HTTP).
/// </summary>
public sealed record ImageProfile(
    string Name,
    long SizeBytes,
    TimeSpan StopTime,
    IReadOnlyList<string> Binaries,
    Func<ProcessContext, ContainerProcess> Run,
    bool ShellImage = false,
    IReadOnlyList<int>? Ports = null,
    IReadOnlyList<string>? HttpPaths = null)
{
    /// <summary>The image's server: a server that keeps running listens once it has printed its last startup line.</summary>
    public ContainerProcess Start(ProcessContext context)
    {
        var process = Run(context);
        if (Ports is not { Count: > 0 } || process.ExitAfter is not null) return process;
        var ready = process.Output.Count == 0 ? TimeSpan.Zero : process.Output.Max(l => l.At);
        return process with { Listens = new Listener(ready, Ports, HttpPaths) };
    }
}

/// <summary>The images a sandbox's nodes can pull, with plausible sizes and startup logs; unknown images get a generic profile.</summary>
public static partial class ImageCatalog
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static IReadOnlyList<ImageProfile> All { get; } =
    [
        new("nginx", 72_099_410, TimeSpan.FromMilliseconds(150), ["nginx", "nginx-debug"], Nginx, Ports: [80], HttpPaths: ["/", "/index.html", "/50x.html"]),
        new("httpd", 58_135_372, TimeSpan.FromMilliseconds(250), ["httpd", "httpd-foreground", "apachectl"], Httpd, Ports: [80], HttpPaths: ["/", "/index.html"]),
        new("redis", 45_148_813, TimeSpan.FromMilliseconds(120), ["redis-server"], Redis, Ports: [6379]),
        new("postgres", 158_461_733, TimeSpan.FromMilliseconds(400), ["postgres", "docker-entrypoint.sh"], Postgres, Ports: [5432]),
        new("mysql", 171_617_834, TimeSpan.FromMilliseconds(900), ["mysqld", "docker-entrypoint.sh"], MySql, Ports: [3306, 33060]),
        new("busybox", 2_166_802, TimeSpan.Zero, [], Shell, ShellImage: true),
        new("alpine", 3_653_068, TimeSpan.Zero, [], Shell, ShellImage: true),
        new("node", 399_122_584, TimeSpan.FromMilliseconds(100), ["node", "npm"], Repl),
        new("python", 373_024_577, TimeSpan.FromMilliseconds(100), ["python", "python3"], Repl),
        // polinux/stress, the image of the docs' memory and CPU walkthroughs: an Alpine with the stress tool.
        new("stress", 4_295_524, TimeSpan.Zero, ["stress"], Shell, ShellImage: true),
        // The kubeadm add-ons every sandbox runs in kube-system (AddonImages.cs); CoreDNS's lameduck keeps it 5 s after SIGTERM.
        new("kube-proxy", 30_907_858, TimeSpan.FromMilliseconds(100), ["kube-proxy"], KubeProxy, Ports: [10249, 10256], HttpPaths: ["/healthz", "/livez", "/metrics"]),
        new("coredns", 18_562_039, TimeSpan.FromSeconds(5), ["coredns"], CoreDns, Ports: [53, 8080, 8181, 9153], HttpPaths: ["/health", "/ready", "/metrics"]),
    ];

    /// <summary>
    /// Docker Hub's official images (docker.io/library/…); a library name not among them does not exist, which is how
    /// a typo such as "ngnix" ends in ImagePullBackOff. Images of other namespaces and registries are assumed to exist.
    /// </summary>
    private static readonly HashSet<string> OfficialImages =
    [
        "adminer", "almalinux", "alpine", "amazoncorretto", "amazonlinux", "arangodb", "archlinux", "bash", "bonita",
        "buildpack-deps", "busybox", "caddy", "cassandra", "centos", "chronograf", "cirros", "clojure", "composer",
        "consul", "couchbase", "couchdb", "crate", "dart", "debian", "docker", "drupal", "eclipse-mosquitto",
        "eclipse-temurin", "elasticsearch", "elixir", "emqx", "erlang", "fedora", "flink", "fluentd", "gcc", "ghost",
        "golang", "gradle", "groovy", "haproxy", "haskell", "hello-world", "httpd", "hylang", "ibmjava", "influxdb",
        "irssi", "jetty", "joomla", "jruby", "julia", "kapacitor", "kibana", "kong", "liquibase", "logstash",
        "mariadb", "matomo", "maven", "mediawiki", "memcached", "mongo", "mongo-express", "mono", "mysql", "nats",
        "neo4j", "nextcloud", "nginx", "node", "odoo", "openjdk", "oraclelinux", "orientdb", "percona", "perl",
        "photon", "php", "phpmyadmin", "postfixadmin", "postgres", "pypy", "python", "r-base", "rabbitmq", "redis",
        "redmine", "registry", "rethinkdb", "rockylinux", "ruby", "rust", "sapmachine", "solr", "sonarqube", "spark",
        "swift", "telegraf", "tomcat", "traefik", "ubuntu", "vault", "wordpress", "xwiki", "yourls", "zookeeper",
    ];

    /// <summary>Why pulling the image fails, worded as containerd's error reaches the kubelet; null when it exists.</summary>
    public static string? PullError(ImageReference image)
    {
        var library = image.Registry == "docker.io" && image.Repository.StartsWith("library/", StringComparison.Ordinal);
        if (!library || OfficialImages.Contains(image.ShortName)) return null;
        var reference = image.Normalized;
        return $"rpc error: code = Unknown desc = failed to pull and unpack image \"{reference}\": failed to resolve reference \"{reference}\": pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed";
    }

    /// <summary>The profile for an image reference, by its last path part ("bitnami/nginx:1.27" is an nginx).</summary>
    public static ImageProfile? Find(ImageReference image) => All.FirstOrDefault(p => p.Name == image.ShortName);

    /// <summary>
    /// The bytes a pull downloads: the catalog's size, a third of it for -alpine variants, varied a little per tag;
    /// for an unknown image a stable size between 20 and 200 MB.
    /// </summary>
    public static long SizeOf(ImageReference image)
    {
        var seed = StableHash(image.Normalized);
        if (Find(image) is not { } profile) return 20_000_000 + seed % 180_000_000;
        var size = profile.SizeBytes;
        if (image.Tag?.Contains("alpine", StringComparison.Ordinal) == true && !profile.ShellImage) size /= 3;
        return image.Tag is null or "latest" ? size : size + (long)(size * ((seed % 200) - 100) / 2000.0);
    }

    private static long StableHash(string text)
    {
        long hash = 17;
        foreach (var c in text) hash = (hash * 31 + c) % 1_000_000_007;
        return hash;
    }

    private static LogLine At(int milliseconds, string text) => new(TimeSpan.FromMilliseconds(milliseconds), text);

    private static string Time(ProcessContext context, int milliseconds, string format) =>
        (context.StartedAt + TimeSpan.FromMilliseconds(milliseconds)).UtcDateTime.ToString(format, Invariant);

    /// <summary>
    /// The version a tag names: "1.26.2-alpine" is 1.26.2, "1.25" is 1.25.0, a prefix of the latest ("1", "1.27") is the
    /// latest, and words ("latest", "alpine", "stable") are the latest too.
    /// </summary>
    private static string Version(string? tag, string latest)
    {
        var number = (tag ?? "").Split('-')[0];
        if (number.Length == 0 || !char.IsAsciiDigit(number[0]) || !number.All(ch => char.IsAsciiDigit(ch) || ch == '.')) return latest;
        if ((latest + ".").StartsWith(number + ".", StringComparison.Ordinal)) return latest;
        var parts = number.Split('.');
        var wanted = latest.Split('.').Length;
        return parts.Length >= wanted ? number : string.Join('.', parts.Concat(Enumerable.Repeat("0", wanted - parts.Length)));
    }

    private static ContainerProcess Nginx(ProcessContext c)
    {
        string T(int ms) => Time(c, ms, "yyyy/MM/dd HH:mm:ss");
        var lines = new List<LogLine>
        {
            At(5, "/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration"),
            At(5, "/docker-entrypoint.sh: Looking for shell scripts in /docker-entrypoint.d/"),
            At(6, "/docker-entrypoint.sh: Launching /docker-entrypoint.d/10-listen-on-ipv6-by-default.sh"),
            At(8, "10-listen-on-ipv6-by-default.sh: info: Getting the checksum of /etc/nginx/conf.d/default.conf"),
            At(12, "10-listen-on-ipv6-by-default.sh: info: Enabled listen on IPv6 in /etc/nginx/conf.d/default.conf"),
            At(13, "/docker-entrypoint.sh: Sourcing /docker-entrypoint.d/15-local-resolvers.envsh"),
            At(14, "/docker-entrypoint.sh: Launching /docker-entrypoint.d/20-envsubst-on-templates.sh"),
            At(18, "/docker-entrypoint.sh: Launching /docker-entrypoint.d/30-tune-worker-processes.sh"),
            At(20, "/docker-entrypoint.sh: Configuration complete; ready for start up"),
            At(25, $"{T(25)} [notice] 1#1: using the \"epoll\" event method"),
            At(25, $"{T(25)} [notice] 1#1: nginx/{Version(c.ImageTag, "1.27.3")}"),
            At(25, $"{T(25)} [notice] 1#1: built by gcc 12.2.0 (Debian 12.2.0-14) "),
            At(25, $"{T(25)} [notice] 1#1: OS: Linux {NodeIdentity.KernelVersion}"),
            At(25, $"{T(25)} [notice] 1#1: getrlimit(RLIMIT_NOFILE): 1048576:1048576"),
            At(26, $"{T(26)} [notice] 1#1: start worker processes"),
        };
        for (var i = 0; i < Math.Max(1, c.NodeCpus); i++) lines.Add(At(26, $"{T(26)} [notice] 1#1: start worker process {29 + i}"));
        return new ContainerProcess(lines);
    }

    private static ContainerProcess Httpd(ProcessContext c)
    {
        string T(int ms) => Time(c, ms, "ddd MMM dd HH:mm:ss.ffffff yyyy");
        var fqdn = $"AH00558: httpd: Could not reliably determine the server's fully qualified domain name, using {c.PodIp ?? "127.0.0.1"}. Set the 'ServerName' directive globally to suppress this message";
        return new ContainerProcess(
        [
            At(10, fqdn),
            At(20, fqdn),
            At(25, $"[{T(25)}] [mpm_event:notice] [pid 1:tid 1] AH00489: Apache/{Version(c.ImageTag, "2.4.62")} (Unix) configured -- resuming normal operations"),
            At(25, $"[{T(25)}] [core:notice] [pid 1:tid 1] AH00094: Command line: 'httpd -D FOREGROUND'"),
        ]);
    }

    private static ContainerProcess Redis(ProcessContext c)
    {
        string T(int ms) => Time(c, ms, "dd MMM yyyy HH:mm:ss.fff");
        return new ContainerProcess(
        [
            At(1, $"1:C {T(1)} # WARNING Memory overcommit must be enabled! Without it, a background save or replication may fail under low memory condition. Being disabled, it can also cause failures without low memory condition, see https://github.com/jemalloc/jemalloc/issues/1328. To fix this issue add 'vm.overcommit_memory = 1' to /etc/sysctl.conf and then reboot or run the command 'sysctl vm.overcommit_memory=1' for this to take effect."),
            At(1, $"1:C {T(1)} * oO0OoO0OoO0Oo Redis is starting oO0OoO0OoO0Oo"),
            At(1, $"1:C {T(1)} * Redis version={Version(c.ImageTag, "7.4.1")}, bits=64, commit=00000000, modified=0, pid=1, just started"),
            At(1, $"1:C {T(1)} # Warning: no config file specified, using the default config. In order to specify a config file use redis-server /path/to/redis.conf"),
            At(2, $"1:M {T(2)} * monotonic clock: POSIX clock_gettime"),
            At(2, $"1:M {T(2)} * Running mode=standalone, port=6379."),
            At(3, $"1:M {T(3)} * Server initialized"),
            At(3, $"1:M {T(3)} * Ready to accept connections tcp"),
        ]);
    }

    private static ContainerProcess Postgres(ProcessContext c)
    {
        var env = c.Environment;
        if (!env.ContainsKey("POSTGRES_PASSWORD") && env.GetValueOrDefault("POSTGRES_HOST_AUTH_METHOD") != "trust")
        {
            return new ContainerProcess(
            [
                At(30, "Error: Database is uninitialized and superuser password is not specified."),
                At(30, "       You must specify POSTGRES_PASSWORD to a non-empty value for the"),
                At(30, "       superuser. For example, \"-e POSTGRES_PASSWORD=password\" on \"docker run\"."),
                At(30, ""),
                At(30, "       You may also use \"POSTGRES_HOST_AUTH_METHOD=trust\" to allow all"),
                At(30, "       connections without a password. This is *not* recommended."),
                At(30, ""),
                At(30, "       See PostgreSQL documentation about \"trust\":"),
                At(30, "       https://www.postgresql.org/docs/current/auth-trust.html"),
            ], ExitAfter: TimeSpan.FromMilliseconds(40), ExitCode: 1);
        }
        string T(int ms) => Time(c, ms, "yyyy-MM-dd HH:mm:ss.fff") + " UTC";
        var release = Version(c.ImageTag, "17.2");
        var version = $"PostgreSQL {release} (Debian {release}-1.pgdg120+1) on x86_64-pc-linux-gnu, compiled by gcc (Debian 12.2.0-14) 12.2.0, 64-bit";
        return new ContainerProcess(
        [
            At(50, "The files belonging to this database system will be owned by user \"postgres\"."),
            At(50, "This user must also own the server process."),
            At(50, ""),
            At(50, "The database cluster will be initialized with locale \"en_US.utf8\"."),
            At(50, "The default database encoding has accordingly been set to \"UTF8\"."),
            At(50, "The default text search configuration will be set to \"english\"."),
            At(50, ""),
            At(50, "Data page checksums are disabled."),
            At(50, ""),
            At(60, "fixing permissions on existing directory /var/lib/postgresql/data ... ok"),
            At(70, "creating subdirectories ... ok"),
            At(80, "selecting dynamic shared memory implementation ... posix"),
            At(90, "selecting default \"max_connections\" ... 100"),
            At(100, "selecting default \"shared_buffers\" ... 128MB"),
            At(110, "selecting default time zone ... Etc/UTC"),
            At(120, "creating configuration files ... ok"),
            At(400, "running bootstrap script ... ok"),
            At(900, "performing post-bootstrap initialization ... ok"),
            At(1000, "syncing data to disk ... ok"),
            At(1000, ""),
            At(1000, ""),
            At(1000, "Success. You can now start the database server using:"),
            At(1000, ""),
            At(1000, "    pg_ctl -D /var/lib/postgresql/data -l logfile start"),
            At(1000, ""),
            At(1100, "PostgreSQL init process complete; ready for start up."),
            At(1100, ""),
            At(1200, $"{T(1200)} [1] LOG:  starting {version}"),
            At(1200, $"{T(1200)} [1] LOG:  listening on IPv4 address \"0.0.0.0\", port 5432"),
            At(1200, $"{T(1200)} [1] LOG:  listening on IPv6 address \"::\", port 5432"),
            At(1210, $"{T(1210)} [1] LOG:  listening on Unix socket \"/var/run/postgresql/.s.PGSQL.5432\""),
            At(1220, $"{T(1220)} [65] LOG:  database system was shut down at {Time(c, 1100, "yyyy-MM-dd HH:mm:ss")} UTC"),
            At(1230, $"{T(1230)} [1] LOG:  database system is ready to accept connections"),
        ]);
    }

    private static ContainerProcess MySql(ProcessContext c)
    {
        string T(int ms) => Time(c, ms, "yyyy-MM-dd HH:mm:ss") + "+00:00";
        var mysql = Version(c.ImageTag, "9.1.0");
        var start = new List<LogLine>
        {
            At(10, $"{T(10)} [Note] [Entrypoint]: Entrypoint script for MySQL Server {mysql}-1.el9 started."),
            At(20, $"{T(20)} [Note] [Entrypoint]: Switching to dedicated user 'mysql'"),
            At(30, $"{T(30)} [Note] [Entrypoint]: Entrypoint script for MySQL Server {mysql}-1.el9 started."),
        };
        if (!new[] { "MYSQL_ROOT_PASSWORD", "MYSQL_ALLOW_EMPTY_PASSWORD", "MYSQL_RANDOM_ROOT_PASSWORD" }.Any(c.Environment.ContainsKey))
        {
            start.AddRange(
            [
                At(40, $"{T(40)} [ERROR] [Entrypoint]: Database is uninitialized and password option is not specified"),
                At(40, "    You need to specify one of the following as an environment variable:"),
                At(40, "    - MYSQL_ROOT_PASSWORD"),
                At(40, "    - MYSQL_ALLOW_EMPTY_PASSWORD"),
                At(40, "    - MYSQL_RANDOM_ROOT_PASSWORD"),
            ]);
            return new ContainerProcess(start, ExitAfter: TimeSpan.FromMilliseconds(50), ExitCode: 1);
        }
        string Z(int ms) => Time(c, ms, "yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'");
        start.AddRange(
        [
            At(40, $"{T(40)} [Note] [Entrypoint]: Initializing database files"),
            At(9000, $"{T(9000)} [Note] [Entrypoint]: Database files initialized"),
            At(9100, $"{T(9100)} [Note] [Entrypoint]: Starting temporary server"),
            At(11000, $"{T(11000)} [Note] [Entrypoint]: Temporary server started."),
            At(12000, $"{T(12000)} [Note] [Entrypoint]: Stopping temporary server"),
            At(13000, $"{T(13000)} [Note] [Entrypoint]: Temporary server stopped"),
            At(13000, ""),
            At(13000, $"{T(13000)} [Note] [Entrypoint]: MySQL init process done. Ready for start up."),
            At(13000, ""),
            At(13500, $"{Z(13500)} 0 [System] [MY-015015] [Server] MySQL Server - start."),
            At(13600, $"{Z(13600)} 0 [System] [MY-010116] [Server] /usr/sbin/mysqld (mysqld {mysql}) starting as process 1"),
            At(14500, $"{Z(14500)} 0 [System] [MY-011323] [Server] X Plugin ready for connections. Bind-address: '::' port: 33060, socket: /var/run/mysqld/mysqlx.sock"),
            At(14500, $"{Z(14500)} 0 [System] [MY-010931] [Server] /usr/sbin/mysqld: ready for connections. Version: '{mysql}'  socket: '/var/run/mysqld/mysqld.sock'  port: 3306  MySQL Community Server - GPL."),
        ]);
        return new ContainerProcess(start);
    }

    /// <summary>busybox and alpine run a shell: with no terminal attached it reads end-of-input and exits at once.</summary>
    private static ContainerProcess Shell(ProcessContext c) =>
        c.Stdin ? ContainerProcess.Forever : new ContainerProcess([], ExitAfter: TimeSpan.FromMilliseconds(5));

    /// <summary>node and python start a REPL, which likewise exits at once without a terminal.</summary>
    private static ContainerProcess Repl(ProcessContext c) =>
        c.Stdin ? ContainerProcess.Forever : new ContainerProcess([], ExitAfter: TimeSpan.FromMilliseconds(60));
}
