Pod::Spec.new do |s|
  s.name             = 'KiriTextKit'
  s.version          = '2.3.1'
  s.summary          = 'Vertical Japanese text layout for UIKit.'
  s.description      = <<-DESC
    KiriTextKit lays out tategaki (vertical) Japanese text with ruby annotations
    and kinsoku line breaking, on top of TextKit 2.
  DESC
  s.homepage         = 'https://github.com/kiri-labs/KiriTextKit'
  s.license          = { :type => 'MIT', :file => 'LICENSE' }
  s.author           = { 'Kiri Labs' => 'dev@kiri-labs.example' }
  s.source           = { :git => 'https://github.com/kiri-labs/KiriTextKit.git', :tag => s.version.to_s }
  s.ios.deployment_target = '15.0'
  s.swift_version    = '5.9'
  s.source_files     = 'Sources/KiriTextKit/**/*.swift'
end
