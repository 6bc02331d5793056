plugins {
    `java-library`
    `maven-publish`
}

group = "io.kagerou"
version = "2.4.0"

publishing {
    publications {
        create<MavenPublication>("maven") {
            from(components["java"])
            pom {
                name.set("kagerou-core")
                description.set("Rate limiter for JVM services")
                url.set("https://github.com/kagerou/kagerou")
                licenses {
                    license {
                        name.set("The Apache License, Version 2.0")
                        url.set("https://www.apache.org/licenses/LICENSE-2.0.txt")
                    }
                }
            }
        }
    }
}
