{
  description = "ledgerlint - checks plain-text accounting journals";

  inputs.nixpkgs.url = "github:NixOS/nixpkgs/nixos-24.05";

  outputs = { self, nixpkgs }:
    let
      pkgs = nixpkgs.legacyPackages.x86_64-linux;
    in {
      packages.x86_64-linux.default = pkgs.buildGoModule {
        pname = "ledgerlint";
        version = "1.4.0";
        src = ./.;
        vendorHash = null;
        meta = with pkgs.lib; {
          description = "Checks plain-text accounting journals for unbalanced postings";
          homepage = "https://git.example.org/ledgerlint";
          license = licenses.mpl20;
          maintainers = [ ];
          mainProgram = "ledgerlint";
        };
      };
    };
}
