# The production image: gunicorn serving Django, the same image runs the Celery worker and beat.
FROM node:20-bookworm-slim AS assets
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY static/scss static/scss
RUN mkdir -p var/build && npx sass --no-source-map --load-path=node_modules --quiet-deps \
    --style=compressed static/scss/sharon.scss var/build/sharon.css

FROM python:3.11-slim-bookworm
ENV PYTHONUNBUFFERED=1 PYTHONDONTWRITEBYTECODE=1 PIP_DISABLE_PIP_VERSION_CHECK=1
WORKDIR /app
COPY pyproject.toml constraints.txt ./
RUN pip install --no-cache-dir -c constraints.txt .
COPY . .
COPY --from=assets /app/node_modules/nhsuk-frontend/dist node_modules/nhsuk-frontend/dist
COPY --from=assets /app/var/build var/build
RUN SECRET_KEY=collectstatic-only python manage.py collectstatic --no-input -v0 \
    && useradd --system --home /app sharon && mkdir -p var/mail var/media && chown -R sharon var
USER sharon
EXPOSE 8000
CMD ["gunicorn", "sharon.wsgi", "--bind", "0.0.0.0:8000", "--workers", "3", "--access-logfile", "-"]
