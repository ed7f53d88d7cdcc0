using TorchSharp;
var t = torch.ones(3);
System.Console.WriteLine(t.sum().item<float>());
