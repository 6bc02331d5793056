defmodule Kumade.MixProject do
  use Mix.Project

  @version "1.4.0"
  @source_url "https://example.org/kumade"

  def project do
    [
      app: :kumade,
      version: @version,
      elixir: "~> 1.14",
      start_permanent: Mix.env() == :prod,
      deps: deps(),
      description: "Rate limiting plugs with sliding windows backed by ETS.",
      package: package(),
      docs: [main: "readme", source_ref: "v#{@version}", source_url: @source_url]
    ]
  end

  def application do
    [extra_applications: [:logger]]
  end

  defp deps do
    [
      {:plug, "~> 1.15"},
      {:telemetry, "~> 1.2"},
      {:ex_doc, "~> 0.31", only: :dev, runtime: false}
    ]
  end

  defp package do
    [
      maintainers: ["Haruka Ide"],
      licenses: ["Apache-2.0"],
      links: %{"GitHub" => @source_url, "Changelog" => "#{@source_url}/blob/main/CHANGELOG.md"},
      files: ~w(lib mix.exs README.md LICENSE CHANGELOG.md)
    ]
  end
end
