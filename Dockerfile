# One image for the three stages (ingest, enrich, publish) and the CLI; docker-compose.yml runs it.
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY . .
RUN mvn -B -ntp -pl app -am -DskipTests -Dmaven.test.skip=true install

FROM eclipse-temurin:17-jre
RUN useradd --system --home-dir /data takeaways && mkdir -p /data /notes && chown takeaways /data
COPY --from=build /src/app/target/takeaways.jar /app/takeaways.jar
USER takeaways
WORKDIR /data
ENV TAKEAWAYS_DATA=/data
EXPOSE 9464 9465
ENTRYPOINT ["java", "-Xmx512m", "-jar", "/app/takeaways.jar"]
CMD ["--help"]
