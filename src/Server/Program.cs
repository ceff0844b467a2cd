using Playground.Server;
using Playground.Server.Apis;
using Playground.Server.Hubs;
using Playground.Server.KubeApi;
using Playground.Server.Persistence;
using Playground.Server.Sandboxes;
using Playground.Server.Ui;

var builder = WebApplication.CreateBuilder(args);
builder.AddPlaygroundHosting();
builder.AddKubernetesApi();
builder.AddPlaygroundPersistence();
builder.AddSandboxes();
builder.AddClusterHub();
builder.AddPlaygroundUi();

var app = builder.Build();
app.UsePlaygroundErrors();
app.MapPlaygroundApis();
app.MapClusterHub();
app.MapKubernetesApi();
app.MapPlaygroundUi();
app.Run();
