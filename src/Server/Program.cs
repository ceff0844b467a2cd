Playground.Server.PlaygroundApp.Build(args).Run();
